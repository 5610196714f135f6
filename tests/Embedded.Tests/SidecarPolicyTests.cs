using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using GamesDrop.Kernel.Features.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// Each app's Configuration (components/config/swarm/&lt;app&gt;.yaml), enforced in the one process as each app's daprd
/// enforces it in the stack: secrets outside an app's scopes and calls from apps outside the callee's policy are refused.
/// </summary>
public sealed class SidecarPolicyTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync(services: services =>
    {
        // Clients no app has: notifier → checkout is in no policy; notifier → kernel and bff → checkout are.
        services.AddServiceClient<NotifierToCheckout>(AppIds.Checkout, from: AppIds.Notifier);
        services.AddServiceClient<NotifierToKernel>(AppIds.Kernel, from: AppIds.Notifier);
        services.AddServiceClient<BffToCheckout>(AppIds.Checkout, from: AppIds.Bff);
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_app_reads_a_secret_in_its_scope_and_is_refused_one_outside_it_as_daprd_refuses()
    {
        var kernel = _app.Services.GetRequiredKeyedService<ISecretStore>(AppIds.Kernel);
        var bff = _app.Services.GetRequiredKeyedService<ISecretStore>(AppIds.Bff);

        var own = await kernel.GetAsync(KeyVault.SecretName);
        var other = () => bff.GetAsync(KeyVault.SecretName);

        own.Should().NotBeNullOrEmpty();
        var refused = (await other.Should().ThrowAsync<SecretUnavailableException>()).Which;
        refused.Name.Should().Be(KeyVault.SecretName);
        refused.InnerException!.Message.Should().Be("access denied by policy to get \"key-vault-key\" from \"secretstore\"");
    }

    [Fact]
    public async Task A_call_from_an_app_in_the_callees_policy_reaches_it()
    {
        var kernel = await _app.Services.GetRequiredService<NotifierToKernel>().Http.GetAsync("currency-rates");
        var checkout = await _app.Services.GetRequiredService<BffToCheckout>().Http.GetAsync($"checkouts/{Guid.NewGuid()}");

        kernel.StatusCode.Should().Be(HttpStatusCode.OK);
        checkout.StatusCode.Should().Be(HttpStatusCode.NotFound, "the checkout app answered: no such order");
    }

    [Fact]
    public async Task A_call_from_an_app_outside_the_callees_policy_is_refused_before_it_reaches_the_app()
    {
        var response = await _app.Services.GetRequiredService<NotifierToCheckout>().Http.GetAsync($"checkouts/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await response.Content.ReadFromJsonAsync<DaprError>();
        body!.ErrorCode.Should().Be("ERR_DIRECT_INVOKE");
        body.Message.Should().StartWith("failed to invoke, id: checkout, err: rpc error: code = PermissionDenied desc = access control policy has denied access to id: spiffe://public/ns/default/notifier operation: checkouts/");
    }

    private sealed record DaprError(string ErrorCode, string Message);

    private sealed class NotifierToCheckout(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    private sealed class NotifierToKernel(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    private sealed class BffToCheckout(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
