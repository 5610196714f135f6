using System.Buffers.Binary;
using System.Collections.Concurrent;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GamesDrop.BuildingBlocks.Tests.DaprAdapters;

/// <summary>
/// Stands in for daprd on loopback: its gRPC API (h2c) for state, pub/sub, bindings and secrets, and its HTTP API for
/// service invocation. It records what it receives and answers with real Dapr protobuf messages, so a real
/// <c>DaprClient</c> is exercised end to end. It refuses what daprd refuses: an unknown secret is ERR_SECRET_GET
/// (gRPC INTERNAL), not an empty map.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (ByteString Data, int Version)> _state = new();

    private int _disposed;

    private FakeDaprSidecar(WebApplication app) => _app = app;

    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();
    public ConcurrentQueue<SaveStateRequest> Saved { get; } = new();
    public ConcurrentQueue<GetStateRequest> Reads { get; } = new();
    public ConcurrentQueue<GetSecretRequest> SecretReads { get; } = new();
    public ConcurrentQueue<InvokeBindingRequest> BindingCalls { get; } = new();
    public ConcurrentQueue<DeleteStateRequest> Deletes { get; } = new();
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers)> Invocations { get; } = new();
    public Dictionary<string, string> Secrets { get; } = [];

    /// <summary>What daprd's Prometheus endpoint (GET /metrics, served here on the HTTP port) shows.</summary>
    public string Metrics { get; set; } = "";

    /// <summary>What daprd's /v1.0/healthz says: 204 when ready, 500 when not.</summary>
    public bool Ready { get; set; } = true;
    public string GrpcEndpoint { get; private set; } = "";
    public string HttpEndpoint { get; private set; } = "";

    public static async Task<FakeDaprSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        var sidecar = new FakeDaprSidecar(app);
        app.MapPost("/dapr.proto.runtime.v1.Dapr/{method}", sidecar.HandleGrpcAsync);
        app.MapGet("/metrics", () => Results.Text(sidecar.Metrics, "text/plain; version=0.0.4"));
        app.MapGet("/v1.0/healthz", () => sidecar.Ready ? Results.NoContent() : Results.StatusCode(500));
        app.Map("/v1.0/invoke/{appId}/method/{**path}", (HttpContext http, string appId, string path) =>
        {
            // Copied: Kestrel reuses the header collection after the request ends.
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            sidecar.Invocations.Enqueue((http.Request.Method, $"/v1.0/invoke/{appId}/method/{path}", headers));
            return Results.Json(new { invoked = appId, path });
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        sidecar.GrpcEndpoint = addresses[0];
        sidecar.HttpEndpoint = addresses[1];
        return sidecar;
    }

    private async Task HandleGrpcAsync(HttpContext http, string method)
    {
        var request = await ReadFrameAsync(http.Request.Body);
        IMessage reply;
        var status = 0;
        switch (method)
        {
            case "PublishEvent":
                Published.Enqueue(PublishEventRequest.Parser.ParseFrom(request));
                reply = new Google.Protobuf.WellKnownTypes.Empty();
                break;
            case "SaveState":
                var save = SaveStateRequest.Parser.ParseFrom(request);
                Saved.Enqueue(save);
                status = Save(save) ? 0 : 10; // 10 = ABORTED, daprd's answer to an ETag mismatch
                reply = new Google.Protobuf.WellKnownTypes.Empty();
                break;
            case "GetState":
                var get = GetStateRequest.Parser.ParseFrom(request);
                Reads.Enqueue(get);
                reply = _state.TryGetValue(get.Key, out var entry)
                    ? new GetStateResponse { Data = entry.Data, Etag = entry.Version.ToString() }
                    : new GetStateResponse();
                break;
            case "DeleteState":
                var delete = DeleteStateRequest.Parser.ParseFrom(request);
                Deletes.Enqueue(delete);
                _state.TryRemove(delete.Key, out _);
                reply = new Google.Protobuf.WellKnownTypes.Empty();
                break;
            case "InvokeBinding":
                BindingCalls.Enqueue(InvokeBindingRequest.Parser.ParseFrom(request));
                reply = new InvokeBindingResponse();
                break;
            case "GetSecret":
                var secret = GetSecretRequest.Parser.ParseFrom(request);
                SecretReads.Enqueue(secret);
                if (!Secrets.TryGetValue(secret.Key, out var value))
                {
                    await FailAsync(http, 13, $"failed getting secret with key {secret.Key} from secret store {secret.StoreName}: secret {secret.Key} not found");
                    return;
                }
                var response = new GetSecretResponse();
                response.Data.Add(secret.Key, value);
                reply = response;
                break;
            default:
                http.Response.StatusCode = 501;
                return;
        }
        if (status != 0)
        {
            await FailAsync(http, status, "possible etag mismatch");
            return;
        }
        http.Response.ContentType = "application/grpc";
        http.Response.AppendTrailer("grpc-status", "0");
        await WriteFrameAsync(http.Response.Body, reply.ToByteArray());
    }

    private static Task FailAsync(HttpContext http, int status, string message)
    {
        http.Response.ContentType = "application/grpc";
        http.Response.AppendTrailer("grpc-status", status.ToString());
        http.Response.AppendTrailer("grpc-message", Uri.EscapeDataString(message));
        return Task.CompletedTask;
    }

    private bool Save(SaveStateRequest request)
    {
        foreach (var item in request.States)
        {
            var current = _state.TryGetValue(item.Key, out var existing) ? existing.Version : 0;
            if (item.Etag is { } etag && !string.IsNullOrEmpty(etag.Value) && etag.Value != current.ToString())
            {
                return false;
            }
            _state[item.Key] = (item.Value, current + 1);
        }
        return true;
    }

    private static async Task<byte[]> ReadFrameAsync(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        return bytes.AsSpan(5, length).ToArray();
    }

    private static async Task WriteFrameAsync(Stream body, byte[] message)
    {
        var header = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), message.Length);
        await body.WriteAsync(header);
        await body.WriteAsync(message);
    }

    // Idempotent: a test may stop the sidecar early to see the app without it.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.DisposeAsync();
        }
    }
}
