using System.Net;
using System.Text.RegularExpressions;

namespace TestDrivers;

/// <summary>Plays the buyer on the emulated PayPal approval page by submitting its form, as a browser would.</summary>
public static partial class BuyerDriver
{
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient http, string approvalUrl, string decision, CancellationToken cancellationToken)
    {
        var page = await http.GetStringAsync(approvalUrl, cancellationToken);
        page.ShouldContain("id=\"approve\"");
        page.ShouldContain("id=\"cancel\"");
        var action = FormAction().Match(page);
        action.Success.ShouldBeTrue("the approval page has a form with an action");
        var target = new Uri(new Uri(approvalUrl), WebUtility.HtmlDecode(action.Groups[1].Value));
        var fields = HiddenInput().Matches(page).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        fields.Add(new("decision", decision));
        return await http.PostAsync(target, new FormUrlEncodedContent(fields), cancellationToken);
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
