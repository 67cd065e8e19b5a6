using System.Text.Json.Nodes;
using Connector.Domain.Settings;
using Connector.Service.Admin;

namespace Connector.Service.Tests.Admin;

public sealed class SettingsSchemaTests
{
    [Fact]
    public void The_defaults_are_valid_and_every_default_key_is_on_the_page()
    {
        SettingsSchema.Validate(SettingsDefaults.Create(), null).ShouldBeEmpty();
        foreach (var (key, _) in SettingsDefaults.Create())
        {
            SettingsSchema.Find(key).ShouldNotBeNull($"{key} has no field on the settings page");
        }
    }

    [Theory]
    [InlineData("acceptPayPal", "\"yes\"", "acceptPayPal: must be true or false.")]
    [InlineData("payPalIntent", "\"Sale\"", "payPalIntent: must be one of \"Capture\", \"Authorize\".")]
    [InlineData("buttonShape", "\"round\"", "buttonShape: must be one of \"rect\", \"pill\", \"sharp\".")]
    [InlineData("merchantId", "42", "merchantId: must be a string.")]
    [InlineData("paymentDescription", "\"text\"", "paymentDescription: must be an object of locale → text, e.g. {\"de\": \"...\"}.")]
    [InlineData("paymentDescription", "{\"english\":\"x\"}", "paymentDescription.english: 'english' is not a locale (e.g. de, en-GB).")]
    [InlineData("paymentDescription", "{\"en\":1}", "paymentDescription.en: must be a string.")]
    [InlineData("ratePayLogoUrl", "{\"de\":\"javascript:alert(1)\"}", "ratePayLogoUrl.de: must be an absolute http(s) URL or empty.")]
    [InlineData("paypalButtonConfig", "{\"buttonColor\":\"pink\",\"buttonLabel\":\"pay\"}", "paypalButtonConfig.buttonColor: must be one of \"gold\", \"blue\", \"silver\", \"white\", \"black\".")]
    [InlineData("paypalButtonConfig", "{\"buttonHeight\":\"40\"}", "paypalButtonConfig.buttonHeight: unknown setting.")]
    [InlineData("threeDSAction", "{\"threeDSAction_3\":\"7\"}", "threeDSAction.threeDSAction_3: must be one of \"0\", \"1\", \"2\".")]
    [InlineData("payLaterMessageTextSize", "12", "payLaterMessageTextSize: must be one of \"10\", \"11\", \"12\", \"13\", \"14\", \"15\", \"16\".")]
    [InlineData("storefrontTheme", "\"dark\"", "storefrontTheme: unknown setting (only the documented keys, and keys already stored, are accepted).")]
    public void A_wrong_value_is_rejected_with_a_message_naming_the_key(string key, string json, string message)
    {
        var candidate = SettingsDefaults.Create();
        candidate[key] = JsonNode.Parse(json);

        SettingsSchema.Validate(candidate, null).ShouldBe([message]);
    }

    [Fact]
    public void A_key_the_connector_does_not_know_is_kept_when_it_is_already_stored()
    {
        var stored = new JsonObject { ["storefrontTheme"] = "dark" };
        var candidate = SettingsDefaults.MergeUnder(stored);
        candidate["storefrontTheme"] = "light";

        SettingsSchema.Validate(candidate, stored).ShouldBeEmpty();
    }

    [Fact]
    public void Secret_looking_keys_are_masked_for_display_and_restored_when_the_mask_comes_back()
    {
        var stored = new JsonObject { ["smtpPassword"] = "hunter2-hunter2", ["merchantId"] = "M1" };
        var masked = SettingsStore.Masked(SettingsDefaults.MergeUnder(stored));
        masked["smtpPassword"]!.GetValue<string>().ShouldBe(SettingsSchema.SecretMask);
        masked.ToJsonString().ShouldNotContain("hunter2");

        SettingsStore.Unmask(masked, stored);
        masked["smtpPassword"]!.GetValue<string>().ShouldBe("hunter2-hunter2");
    }
}
