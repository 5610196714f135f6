using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>PayPal's error body <c>{name,message,debug_id,details[{issue,description}]}</c>, and the status it goes with.</summary>
internal sealed record PayPalError([property: JsonIgnore] int Status, string Name, string Message, string DebugId, PayPalErrorDetail[] Details)
{
    public JsonHttpResult<PayPalError> ToResult() => TypedResults.Json(this, PayPalJson.Options, statusCode: Status);

    public static PayPalError Of(int status, string name, string message, params PayPalErrorDetail[] details) =>
        new(status, name, message, RandomNumberGenerator.GetHexString(13, lowercase: true), details);

    public static PayPalError Invalid(string issue, string description, string? field = null, string location = "body") =>
        Of(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.",
            new PayPalErrorDetail(issue, description, field, field is null ? null : location));

    public static PayPalError Malformed() => Invalid("MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");

    public static PayPalError Missing(string field) => Invalid("MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", field);

    public static PayPalError NotFound(string id) => Of(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", "The specified resource does not exist.",
        new PayPalErrorDetail("INVALID_RESOURCE_ID", $"Specified resource ID {id} does not exist. Please check the resource ID and try again."));

    public static PayPalError Refused(string issue, string description) => Of(StatusCodes.Status422UnprocessableEntity, "UNPROCESSABLE_ENTITY",
        "The requested action could not be performed, semantically incorrect, or failed business validation.",
        new PayPalErrorDetail(issue, description));

    public static PayPalError Unauthenticated() => Of(StatusCodes.Status401Unauthorized, "AUTHENTICATION_FAILURE",
        "Authentication failed due to invalid authentication credentials or a missing Authorization header.");

    public static PayPalError Failure(int status) => status == StatusCodes.Status503ServiceUnavailable
        ? Of(status, "SERVICE_UNAVAILABLE", "Service Unavailable.")
        : Of(status, "INTERNAL_SERVER_ERROR", "An internal server error occurred.");
}

/// <param name="Field">A JSON pointer into the request, for schema errors.</param>
internal sealed record PayPalErrorDetail(string Issue, string Description, string? Field = null, string? Location = null);
