using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Claims;

/// <summary>How the kernel's or the checkout's answer to a claim is passed on, to buyers and to staff alike.</summary>
public static class ClaimResults
{
    /// <summary>200 (or 202, a replacement still on its way) with <paramref name="view"/> of the claim, else 404, 400 or 409 with the words.</summary>
    public static Results<Ok<T>, Accepted<T>, NotFound, ValidationProblem, ProblemHttpResult> ToResult<T>(
        this AppAnswer<KeyClaim> answer, Func<KeyClaim, T> view, string refusedTitle) => answer.Status switch
    {
        HttpStatusCode.NotFound => TypedResults.NotFound(),
        HttpStatusCode.BadRequest => TypedResults.ValidationProblem(answer.Errors!),
        HttpStatusCode.Conflict => TypedResults.Problem(answer.Detail, title: refusedTitle, statusCode: StatusCodes.Status409Conflict),
        HttpStatusCode.Accepted => TypedResults.Accepted((string?)null, view(answer.Value!)),
        _ => TypedResults.Ok(view(answer.Value!)),
    };
}
