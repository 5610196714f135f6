using System.Net;
using System.Net.Http.Json;
using GamesDrop.BuildingBlocks.Components;

namespace GamesDrop.Embedded.Runtime.Invocation;

/// <summary>
/// The callee's access control, applied to a call from app <paramref name="callerAppId"/> as the callee's daprd applies it
/// (it knows the caller from its mTLS certificate; here the client is the caller's own). A refused call gets what daprd
/// answers the caller: 403 with <c>ERR_DIRECT_INVOKE</c> and the PermissionDenied reason, and never reaches the app.
/// </summary>
internal sealed class AccessControlHandler(string callerAppId, string appId, SidecarConfiguration callee) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        // The client's base address is the callee's route group, /{appId}/; the operation is the path below it.
        var path = request.RequestUri?.AbsolutePath ?? "/";
        var operation = path.StartsWith($"/{appId}/", StringComparison.Ordinal) ? path[(appId.Length + 1)..] : path;
        if (callee.IsInvocationAllowed(callerAppId, operation, request.Method.Method))
        {
            return base.SendAsync(request, ct);
        }
        var reason = $"access control policy has denied access to id: spiffe://{SidecarConfiguration.DefaultTrustDomain}/ns/"
            + $"{SidecarConfiguration.DefaultNamespace}/{callerAppId} operation: {operation.TrimStart('/')} verb: {request.Method.Method}";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            RequestMessage = request,
            Content = JsonContent.Create(new
            {
                errorCode = "ERR_DIRECT_INVOKE",
                message = $"failed to invoke, id: {appId}, err: rpc error: code = PermissionDenied desc = {reason}",
            }),
        });
    }
}
