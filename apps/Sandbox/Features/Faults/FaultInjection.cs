namespace GamesDrop.Sandbox.Features.Faults;

/// <summary>
/// Applies a partner's transport faults (hang, latency, 5xx) in front of its endpoints; the business faults
/// (stock, prices, key delivery) are read by the simulators themselves.
/// </summary>
internal static class FaultInjection
{
    /// <param name="failure">The partner's own error body for an injected status, since clients parse it.</param>
    /// <param name="applyAfterHang">
    /// A hung call still does its work once the caller has given up, like a slow partner whose reply is lost: the
    /// caller must find out by asking again (PayPal's PayPal-Request-Id answers the repeat with the first result).
    /// </param>
    public static RouteGroupBuilder WithFaults(this RouteGroupBuilder group, string partner, Func<int, IResult> failure, bool applyAfterHang = false)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var faults = context.HttpContext.RequestServices.GetRequiredService<FaultSwitches>().For(partner);
            if (faults.Hang || faults.LatencyMs > 0)
            {
                try
                {
                    await Task.Delay(faults.Hang ? Timeout.Infinite : faults.LatencyMs, context.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    if (applyAfterHang)
                    {
                        await next(context);
                    }
                    return Results.Empty;  // the caller gave up; nobody is left to answer
                }
            }
            if (faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate)
            {
                return failure(faults.ErrorStatus);
            }
            return await next(context);
        });
        return group;
    }
}
