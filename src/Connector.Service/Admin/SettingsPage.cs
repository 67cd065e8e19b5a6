using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Service.Admin;

/// <summary>
/// The settings page as plain HTML (no script, inline styles only, every value encoded) and the reading of its form.
/// Field names: <c>f.key</c>, <c>f.key.sub</c> (groups and locales), <c>new.key.locale</c>/<c>new.key.text</c> (a locale
/// to add), <c>raw.key</c> (JSON of a stored key the page does not know), <c>secret.key</c> (write-only).
/// </summary>
internal static class SettingsPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, TypeInfoResolver = AdminJsonContext.Default };

    public const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
        fieldset{border:1px solid #ccc;border-radius:.4rem;margin:1rem 0;padding:.5rem 1rem}
        legend{font-weight:600}
        label{display:block;margin:.4rem 0}
        .row{display:grid;grid-template-columns:22rem 1fr;gap:.5rem;align-items:center;margin:.3rem 0}
        .sub{margin-left:1rem}
        input[type=text],input[type=password],select,textarea{width:100%;box-sizing:border-box;padding:.25rem}
        .msg{padding:.6rem 1rem;border-radius:.4rem;margin:1rem 0}
        .ok{background:#e6f4ea}.err{background:#fde7e9}
        button{padding:.5rem 1.2rem;font-size:1rem}
        """;

    public static string Render(StoredSettings current, JsonObject shown, string csrf, string? notice, IReadOnlyList<string> errors, bool conflict)
    {
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PayPal connector settings</title><style>")
            .Append(Style).Append("</style></head><body><h1>PayPal connector settings</h1>")
            .Append("<p>Stored in the commercetools custom object <code>paypal-commercetools-connector/settings</code>")
            .Append(current.Stored is null ? " (not stored yet: these are the defaults)." : $" (version {current.Version}).")
            .Append(" Other connector instances pick up a change within their settings cache time.</p>");

        if (notice is not null)
        {
            b.Append("<div class=\"msg ok\" id=\"notice\">").Append(Html.Encode(notice)).Append("</div>");
        }

        if (conflict)
        {
            b.Append("<div class=\"msg err\" id=\"conflict\">The settings were changed meanwhile (by someone else or a deploy); nothing was saved. ")
                .Append("<a href=\"/admin/settings\">Reload</a> to see the current values, then make your change again.</div>");
        }

        if (errors.Count > 0)
        {
            b.Append("<div class=\"msg err\" id=\"errors\"><p>Nothing was saved:</p><ul>");
            foreach (var e in errors)
            {
                b.Append("<li>").Append(Html.Encode(e)).Append("</li>");
            }

            b.Append("</ul></div>");
        }

        b.Append("<form method=\"post\" action=\"/admin/settings\" id=\"settings\">")
            .Append(Hidden("_csrf", csrf))
            .Append(Hidden("_version", current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        foreach (var section in SettingsSchema.Sections)
        {
            b.Append("<fieldset><legend>").Append(Html.Encode(section.Title)).Append("</legend>");
            foreach (var field in section.Fields)
            {
                RenderField(b, field, "f." + field.Key, shown[field.Key]);
            }

            b.Append("</fieldset>");
        }

        var others = shown.Where(p => SettingsSchema.Find(p.Key) is null).ToList();
        if (others.Count > 0)
        {
            b.Append("<fieldset><legend>Other stored keys</legend><p>Not used by the connector; kept for your storefront. Values are JSON.</p>");
            foreach (var (key, value) in others)
            {
                if (SettingsSchema.IsSecret(key))
                {
                    b.Append("<label class=\"row\"><span>").Append(Html.Encode(key)).Append(" (hidden; leave empty to keep)</span>")
                        .Append("<input type=\"password\" autocomplete=\"off\" name=\"").Append(Html.Encode("secret." + key)).Append("\" value=\"\"></label>");
                }
                else
                {
                    b.Append("<label class=\"row\"><span>").Append(Html.Encode(key)).Append("</span><textarea rows=\"3\" name=\"")
                        .Append(Html.Encode("raw." + key)).Append("\">").Append(Html.Encode(value?.ToJsonString(Indented) ?? "null")).Append("</textarea></label>");
                }
            }

            b.Append("</fieldset>");
        }

        b.Append("<p><button type=\"submit\" id=\"save\">Save</button></p></form>")
            .Append("<form method=\"post\" action=\"/admin/logout\">").Append(Hidden("_csrf", csrf))
            .Append("<button type=\"submit\">Log out</button></form></body></html>");
        return b.ToString();
    }

    public static string RenderLogin(bool userPassword, bool token, string? error)
    {
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PayPal connector settings: log in</title><style>")
            .Append(Style).Append("</style></head><body><h1>PayPal connector settings</h1>");
        if (error is not null)
        {
            b.Append("<div class=\"msg err\" id=\"errors\">").Append(Html.Encode(error)).Append("</div>");
        }

        b.Append("<form method=\"post\" action=\"/admin/login\" id=\"login\">");
        if (userPassword)
        {
            b.Append("<label class=\"row\"><span>User</span><input type=\"text\" name=\"user\" autocomplete=\"username\"></label>")
                .Append("<label class=\"row\"><span>Password</span><input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>");
        }

        if (token)
        {
            b.Append("<label class=\"row\"><span>").Append(userPassword ? "or admin token" : "Admin token")
                .Append("</span><input type=\"password\" name=\"token\" autocomplete=\"off\"></label>");
        }

        b.Append("<p><button type=\"submit\" id=\"login-button\">Log in</button></p></form></body></html>");
        return b.ToString();
    }

    /// <summary>
    /// The new settings object from a posted form: the current values with the posted fields applied (fields the form
    /// did not post keep their value). Problems that the schema cannot see (JSON that does not parse) go to <paramref name="errors"/>.
    /// </summary>
    public static JsonObject Apply(StoredSettings current, IFormCollection form, List<string> errors)
    {
        var result = current.Merged.DeepClone().AsObject();
        foreach (var field in SettingsSchema.Sections.SelectMany(s => s.Fields))
        {
            var name = "f." + field.Key;
            switch (field.Kind)
            {
                case SettingKind.Bool:
                    if (form.TryGetValue(name, out var flag))
                    {
                        // A hidden "false" precedes the checkbox, so a checked box posts both and the last one wins.
                        result[field.Key] = flag[^1] == "true";
                    }

                    break;
                case SettingKind.Text or SettingKind.Enum:
                    if (form.TryGetValue(name, out var text))
                    {
                        result[field.Key] = text[^1] ?? "";
                    }

                    break;
                case SettingKind.Group or SettingKind.Localized:
                    var existing = result[field.Key] as JsonObject;
                    var map = existing ?? new JsonObject();
                    var keys = field.Kind == SettingKind.Group ? field.Children!.Select(c => c.Key) : map.Select(p => p.Key).ToList();
                    var touched = false;
                    foreach (var key in keys)
                    {
                        if (form.TryGetValue($"{name}.{key}", out var sub))
                        {
                            map[key] = sub[^1] ?? "";
                            touched = true;
                        }
                    }

                    if (field.Kind == SettingKind.Localized && form.TryGetValue($"new.{field.Key}.locale", out var locale)
                        && locale[^1] is { Length: > 0 } newLocale)
                    {
                        map[newLocale.Trim()] = form.TryGetValue($"new.{field.Key}.text", out var newText) ? newText[^1] ?? "" : "";
                        touched = true;
                    }

                    if (touched && existing is null)
                    {
                        // Absent, or of another type that the schema will reject anyway: the form's values replace it.
                        result[field.Key] = map;
                    }

                    break;
            }
        }

        foreach (var (name, values) in form)
        {
            if (name.StartsWith("raw.", StringComparison.Ordinal) && result.ContainsKey(name[4..]) && SettingsSchema.Find(name[4..]) is null)
            {
                try
                {
                    result[name[4..]] = JsonNode.Parse(values[^1] ?? "");
                }
                catch (JsonException)
                {
                    errors.Add($"{name[4..]}: is not valid JSON.");
                }
            }
            else if (name.StartsWith("secret.", StringComparison.Ordinal) && values[^1] is { Length: > 0 } secret
                && result.ContainsKey(name[7..]) && SettingsSchema.IsSecret(name[7..]))
            {
                result[name[7..]] = secret;
            }
        }

        return result;
    }

    private static void RenderField(StringBuilder b, SettingField field, string name, JsonNode? value)
    {
        var id = Html.Encode(name);
        switch (field.Kind)
        {
            case SettingKind.Bool:
                var on = value?.GetValueKind() == JsonValueKind.True;
                b.Append("<label class=\"row\"><span>").Append(Html.Encode(field.Label)).Append("</span><span>")
                    .Append(Hidden(name, "false"))
                    .Append("<input type=\"checkbox\" value=\"true\" name=\"").Append(id).Append("\" id=\"").Append(id).Append('"')
                    .Append(on ? " checked" : "").Append("></span></label>");
                break;
            case SettingKind.Text:
                b.Append("<label class=\"row\"><span>").Append(Html.Encode(field.Label)).Append("</span>")
                    .Append("<input type=\"text\" name=\"").Append(id).Append("\" id=\"").Append(id).Append("\" value=\"")
                    .Append(Html.Encode(AsText(value))).Append("\"></label>");
                break;
            case SettingKind.Enum:
                var current = AsText(value);
                b.Append("<label class=\"row\"><span>").Append(Html.Encode(field.Label)).Append("</span><select name=\"")
                    .Append(id).Append("\" id=\"").Append(id).Append("\">");
                var options = field.Options!.Contains(current, StringComparer.Ordinal) ? field.Options! : [current, .. field.Options!];
                foreach (var option in options)
                {
                    b.Append("<option value=\"").Append(Html.Encode(option)).Append('"').Append(option == current ? " selected" : "")
                        .Append('>').Append(Html.Encode(option)).Append("</option>");
                }

                b.Append("</select></label>");
                break;
            case SettingKind.Localized:
                b.Append("<div><span>").Append(Html.Encode(field.Label)).Append("</span><div class=\"sub\">");
                if (value is JsonObject map)
                {
                    foreach (var (locale, text) in map)
                    {
                        var sub = Html.Encode($"{name}.{locale}");
                        b.Append("<label class=\"row\"><span>").Append(Html.Encode(locale)).Append("</span><input type=\"text\" name=\"")
                            .Append(sub).Append("\" id=\"").Append(sub).Append("\" value=\"").Append(Html.Encode(AsText(text))).Append("\"></label>");
                    }
                }

                b.Append("<label class=\"row\"><span>add locale (code, text)</span><span>")
                    .Append("<input type=\"text\" placeholder=\"e.g. en-GB\" name=\"").Append(Html.Encode($"new.{field.Key}.locale")).Append("\">")
                    .Append("<input type=\"text\" name=\"").Append(Html.Encode($"new.{field.Key}.text")).Append("\"></span></label></div></div>");
                break;
            case SettingKind.Group:
                b.Append("<div><span>").Append(Html.Encode(field.Label)).Append("</span><div class=\"sub\">");
                var group = value as JsonObject;
                foreach (var child in field.Children!)
                {
                    RenderField(b, child, $"{name}.{child.Key}", group?[child.Key]);
                }

                b.Append("</div></div>");
                break;
        }
    }

    private static string AsText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => value.ToJsonString(),
    };

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{Html.Encode(name)}\" value=\"{Html.Encode(value)}\">";
}
