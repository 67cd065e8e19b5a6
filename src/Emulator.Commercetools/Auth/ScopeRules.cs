namespace Emulator.Commercetools.Auth;

internal static class ScopeRules
{
    /// <summary>Whether a set of granted scopes (for <paramref name="projectKey"/>) includes <paramref name="scopeName"/>, honouring manage_X ⇒ view_X and manage_project ⇒ all.</summary>
    public static bool Grants(IEnumerable<string> granted, string scopeName, string projectKey)
    {
        foreach (var scope in granted)
        {
            var parts = scope.Split(':');
            if (parts.Length < 2 || parts[1] != projectKey)
            {
                continue;
            }

            var name = parts[0];
            if (name == "manage_project" && !IsIdentityOrSpecial(scopeName))
            {
                return true;
            }

            if (name == scopeName)
            {
                return true;
            }

            if (scopeName.StartsWith("view_", StringComparison.Ordinal) && name == "manage_" + scopeName[5..])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentityOrSpecial(string scopeName) => scopeName is "customer_id" or "anonymous_id";
}
