using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using static System.Net.WebUtility;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// The page behind an order's approve / payer-action link, where the buyer approves or cancels; a form post (from the
/// page, a test or a script) does the same without a browser. Both redirect (303) the way PayPal's checkout does.
/// </summary>
internal static partial class ApprovalPage
{
    public static RouteGroupBuilder MapApprovalPage(this RouteGroupBuilder paypal)
    {
        paypal.MapGet("/checkoutnow", Show).ExcludeFromDescription();
        // A sandbox page on its own origin, like PayPal's: no session here for a forged post to ride on.
        paypal.MapPost("/checkoutnow", DecideAsync).DisableAntiforgery().ExcludeFromDescription();
        return paypal;
    }

    private static ContentHttpResult Show(string? token, PayPalOrderBook book)
    {
        if (token is null || book.Order(token) is not { } order)
        {
            return Page(StatusCodes.Status404NotFound, "<h1>Order not found</h1><p class=\"muted\">This checkout link is not valid.</p>");
        }
        var amount = order.Units.Sum(u => u.Amount.Amount);
        var currency = order.Units[0].Amount.CurrencyCode;
        var what = string.Join(", ", order.Units.Select(u => u.Description).OfType<string>());
        var choices = order.Status is PayPalOrder.Created or PayPalOrder.PayerActionRequired
            ? "<button name=\"action\" value=\"approve\" class=\"approve\">Approve</button><button name=\"action\" value=\"cancel\" class=\"cancel\">Cancel</button>"
            : $"<p class=\"muted\">This order is {HtmlEncode(order.Status.ToLowerInvariant())}.</p>";
        return Page(StatusCodes.Status200OK, $"""
            <p class="muted">Pay {HtmlEncode(order.Experience?.BrandName ?? "the merchant")}</p>
            <p class="amount">{HtmlEncode(Money.Of(currency, amount).Value)} <span>{HtmlEncode(currency)}</span></p>
            {(what.Length > 0 ? $"<p>{HtmlEncode(what)}</p>" : "")}
            <form method="post">
              <input type="hidden" name="token" value="{HtmlEncode(order.Id)}">
              {choices}
            </form>
            <p class="muted small">Order {HtmlEncode(order.Id)} · GamesDrop sandbox, no money moves</p>
            """);
    }

    private static async Task<Results<StatusCodeHttpResult, ContentHttpResult>> DecideAsync(HttpContext http, PayPalOrderBook book, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;
        var token = form["token"].ToString();
        var country = form["country_code"].ToString();
        // A returning buyer: the same PayPal account approving again (a fraud check counts its orders).
        var payerId = form["payer_id"].ToString();
        if (book.Order(token) is null)
        {
            return Page(StatusCodes.Status404NotFound, "<h1>Order not found</h1>");
        }
        if (form["action"] == "cancel")
        {
            // PayPal leaves a cancelled checkout's order as it was; the merchant decides what cancelling means.
            return Redirect(http, book.Order(token)!.Experience?.CancelUrl, new() { ["token"] = token });
        }
        if (country.Length > 0 && !CountryCode().IsMatch(country))
        {
            return Page(StatusCodes.Status400BadRequest, "<h1>country_code must be two capital letters</h1>");
        }
        if (payerId.Length > 0 && !PayerId().IsMatch(payerId))
        {
            return Page(StatusCodes.Status400BadRequest, "<h1>payer_id must be 13 capital letters or digits</h1>");
        }
        var order = book.Approve(token, country.Length > 0 ? country : null, payerId.Length > 0 ? payerId : null, PayPalLinks.From(http.Request))!;
        if (order.Payer is null)
        {
            return Page(StatusCodes.Status409Conflict, $"<h1>This order is {HtmlEncode(order.Status.ToLowerInvariant())}</h1>");
        }
        return Redirect(http, order.Experience?.ReturnUrl, new() { ["token"] = token, ["PayerID"] = order.Payer.PayerId });
    }

    private static Results<StatusCodeHttpResult, ContentHttpResult> Redirect(HttpContext http, string? url, Dictionary<string, string?> query)
    {
        if (string.IsNullOrEmpty(url))
        {
            return Page(StatusCodes.Status200OK, "<h1>Done</h1><p class=\"muted\">The merchant gave no page to return to; you may close this window.</p>");
        }
        http.Response.Headers.Location = QueryHelpers.AddQueryString(url, query);
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static ContentHttpResult Page(int status, string body) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PayPal sandbox checkout</title>
        <style>
          body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f5f7fa; font: 16px/1.5 system-ui, sans-serif; color: #1a1f36; }
          main { width: min(360px, 90vw); padding: 32px; background: #fff; border-radius: 12px; box-shadow: 0 4px 24px rgba(0,0,0,.08); text-align: center; }
          .brand { font-weight: 700; font-size: 20px; color: #003087; margin: 0 0 16px; } .brand span { color: #0070e0; }
          .amount { font-size: 36px; font-weight: 700; margin: 8px 0; } .amount span { font-size: 18px; color: #6b7280; }
          .muted { color: #6b7280; margin: 4px 0; } .small { font-size: 12px; margin-top: 24px; }
          form { display: grid; gap: 12px; margin-top: 24px; }
          button { padding: 12px; border: 0; border-radius: 24px; font: inherit; font-weight: 600; cursor: pointer; }
          .approve { background: #ffc439; color: #111; } .cancel { background: #eef1f5; color: #1a1f36; }
        </style></head>
        <body><main><p class="brand">Pay<span>Pal</span> sandbox</p>{{body}}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z0-9]{13}$")]
    private static partial Regex PayerId();
}
