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
/// Stands in for daprd on loopback: its gRPC API (h2c) for state, pub/sub and secrets, and its HTTP API for
/// service invocation. It records what it receives and answers with real Dapr protobuf messages, so a real
/// <c>DaprClient</c> is exercised end to end.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (ByteString Data, int Version)> _state = new();

    private FakeDaprSidecar(WebApplication app) => _app = app;

    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();
    public ConcurrentQueue<SaveStateRequest> Saved { get; } = new();
    public ConcurrentQueue<GetStateRequest> Reads { get; } = new();
    public ConcurrentQueue<GetSecretRequest> SecretReads { get; } = new();
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers)> Invocations { get; } = new();
    public Dictionary<string, string> Secrets { get; } = [];
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
            case "GetSecret":
                var secret = GetSecretRequest.Parser.ParseFrom(request);
                SecretReads.Enqueue(secret);
                var response = new GetSecretResponse();
                if (Secrets.TryGetValue(secret.Key, out var value))
                {
                    response.Data.Add(secret.Key, value);
                }
                reply = response;
                break;
            default:
                http.Response.StatusCode = 501;
                return;
        }
        http.Response.ContentType = "application/grpc";
        http.Response.AppendTrailer("grpc-status", status.ToString());
        if (status != 0)
        {
            http.Response.AppendTrailer("grpc-message", "possible etag mismatch");
            return;
        }
        await WriteFrameAsync(http.Response.Body, reply.ToByteArray());
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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
