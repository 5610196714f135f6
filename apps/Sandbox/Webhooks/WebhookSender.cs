namespace GamesDrop.Sandbox.Webhooks;

/// <summary>
/// Sends each push on its own task, so one slow or failing receiver delays nothing else and pushes can arrive
/// out of order, as the real partners warn; a push is retried until a 2xx or the attempts run out.
/// </summary>
internal sealed class WebhookSender(WebhookQueue queue, IHttpClientFactory clients, WebhookOptions options, TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Pending.ReadAllAsync(stoppingToken))
        {
            _ = DeliverAsync(message, stoppingToken);
        }
    }

    private async Task DeliverAsync(WebhookMessage message, CancellationToken stoppingToken)
    {
        int? status = null;
        var attempt = 0;
        try
        {
            while (++attempt <= options.Attempts)
            {
                status = await SendAsync(message, stoppingToken);
                if (status is >= 200 and < 300)
                {
                    break;
                }
                logger.LogWarning("{Partner} {Event} push to {Url} failed with {Status} (attempt {Attempt})",
                    message.Partner, message.Event, message.Url, status, attempt);
                if (attempt < options.Attempts)
                {
                    await Task.Delay(options.RetryDelayMs * attempt, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        queue.Record(new WebhookDelivery(message.Partner, message.Event, message.Url.ToString(),
            Math.Min(attempt, options.Attempts), status, status is >= 200 and < 300, clock.GetUtcNow()));
    }

    /// <returns>The HTTP status, or null when the receiver could not be reached or timed out.</returns>
    private async Task<int?> SendAsync(WebhookMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new ByteArrayContent(message.Body) { Headers = { ContentType = new("application/json") } },
        };
        foreach (var (name, value) in message.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Partner} {Event} push to {Url} did not arrive: {Error}", message.Partner, message.Event, message.Url, e.Message);
            return null;
        }
    }
}
