using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Vault;

internal static class VaultEndpoints
{
    public static void MapVaultApi(this RouteGroupBuilder api)
    {
        var vault = api.MapGroup("/v3/vault");
        vault.MapPost("/setup-tokens", CreateSetupToken);
        vault.MapGet("/setup-tokens/{id}", GetSetupToken);
        vault.MapPost("/payment-tokens", CreatePaymentToken);
        vault.MapGet("/payment-tokens", ListPaymentTokens);
        vault.MapGet("/payment-tokens/{id}", GetPaymentToken);
        vault.MapDelete("/payment-tokens/{id}", DeletePaymentToken);
    }

    private static Task<IResult> CreateSetupToken(HttpContext http, EmulatorStore store, VaultService vault) =>
        Answer.Once(http, store, Retention.Vault, vault.CreateSetupToken);

    private static Task<IResult> GetSetupToken(HttpContext http, string id, EmulatorStore store, VaultService vault) =>
        Answer.Show(http, store, request => VaultService.RenderSetupToken(vault.FindSetupToken(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> CreatePaymentToken(HttpContext http, EmulatorStore store, VaultService vault) =>
        Answer.Once(http, store, Retention.Vault, vault.CreatePaymentToken);

    private static Task<IResult> ListPaymentTokens(HttpContext http, EmulatorStore store, VaultService vault) =>
        Answer.Locked(http, store, vault.ListPaymentTokens);

    private static Task<IResult> GetPaymentToken(HttpContext http, string id, EmulatorStore store, VaultService vault) =>
        Answer.Show(http, store, request => VaultService.Render(vault.FindPaymentToken(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> DeletePaymentToken(HttpContext http, string id, EmulatorStore store, VaultService vault) =>
        Answer.Locked(http, store, request => vault.DeletePaymentToken(request, id));
}
