using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Kinguin's error envelope <c>{kind,status,title,detail}</c>; business refusals use 422 as Kinguin's own example does.</summary>
internal sealed record KinguinError(
    string Kind,
    int Status,
    string Title,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PropertyPath = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId = null)
{
    public JsonHttpResult<KinguinError> ToResult() => TypedResults.Json(this, statusCode: Status);

    public static KinguinError Of(string kind, int status, string detail) =>
        new(kind, status, ReasonPhrases.GetReasonPhrase(status), detail);

    public static KinguinError Injected(int status) => Of("Error", status, "Injected by the sandbox fault switch.");

    public static KinguinError Unauthorized() =>
        Of("Authorization", StatusCodes.Status401Unauthorized, "Invalid or missing X-Api-Key.");

    public static KinguinError Invalid(string propertyPath, string detail) =>
        Of("ConstraintViolation", StatusCodes.Status400BadRequest, detail) with { PropertyPath = propertyPath };

    public static KinguinError Unavailable(string detail) => Of("ProductUnavailable", StatusCodes.Status422UnprocessableEntity, detail);

    public static KinguinError OrderNotFound(string orderId) =>
        Of("OrderNotFound", StatusCodes.Status404NotFound, $"Order \"{orderId}\" not found.") with { OrderId = orderId };

    public static KinguinError ProductNotFound(string id) => Of("Http", StatusCodes.Status404NotFound, $"Product \"{id}\" not found.");

    /// <summary>The original order's id rides along, so a caller that lost the first reply can find it.</summary>
    public static KinguinError Duplicate(string orderExternalId, string orderId) =>
        Of("ConstraintViolation", StatusCodes.Status409Conflict,
            $"Order with orderExternalId \"{orderExternalId}\" already exists: orderId \"{orderId}\".")
        with { PropertyPath = "orderExternalId", OrderId = orderId };
}
