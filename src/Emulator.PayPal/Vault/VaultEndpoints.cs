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

    private static async Task<IResult> CreateSetupToken(HttpContext http, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Vault, () => vault.CreateSetupToken(request));
    }

    private static async Task<IResult> GetSetupToken(HttpContext http, string id, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, VaultService.RenderSetupToken(vault.FindSetupToken(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> CreatePaymentToken(HttpContext http, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Vault, () => vault.CreatePaymentToken(request));
    }

    private static async Task<IResult> ListPaymentTokens(HttpContext http, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return vault.ListPaymentTokens(request);
        }
    }

    private static async Task<IResult> GetPaymentToken(HttpContext http, string id, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, VaultService.Render(vault.FindPaymentToken(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> DeletePaymentToken(HttpContext http, string id, EmulatorStore store, VaultService vault)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return vault.DeletePaymentToken(request, id);
        }
    }
}
