using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace GamesDrop.ServiceDefaults.Requests;

/// <summary>
/// Refuses, before any endpoint runs, what no endpoint can handle and the framework would let through or fail on: a body in
/// a charset nobody knows (415), control characters in the URL (PostgreSQL refuses NUL), a query key given twice for a
/// single value, and numbers written with thousands separators (the framework reads <c>1,5</c> as 15).
/// </summary>
public static class RequestScreening
{
    public static IApplicationBuilder UseRequestScreening(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Refusal(context) is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static IResult? Refusal(HttpContext context)
    {
        var request = context.Request;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request's charset is not supported.", detail: "Send the body as UTF-8.");
        }
        var errors = new Dictionary<string, string[]>();
        if (SafeText.HasControlCharacters(request.Path.Value))
        {
            errors["path"] = ["The path contains control characters."];
        }
        foreach (var (key, values) in request.Query)
        {
            if (SafeText.HasControlCharacters(key) || values.Any(SafeText.HasControlCharacters))
            {
                errors[key] = ["The value contains control characters."];
            }
        }
        foreach (var parameter in context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            ScreenQueryOrRouteValue(context, parameter, errors);
        }
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A single-valued parameter read from the query or route must come once, and a number in the one way the API writes it.</summary>
    private static void ScreenQueryOrRouteValue(HttpContext context, IParameterBindingMetadata parameter, Dictionary<string, string[]> errors)
    {
        var info = parameter.ParameterInfo;
        if (info.GetCustomAttributes().Any(a => a is IFromBodyMetadata or IFromHeaderMetadata or IFromFormMetadata or IFromServiceMetadata))
        {
            return;
        }
        var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
        if (type.IsArray || type != typeof(string) && !parameter.HasTryParse)
        {
            return;
        }
        var name = info.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name;
        var values = context.Request.RouteValues.TryGetValue(name, out var routeValue)
            ? [routeValue?.ToString()]
            : context.Request.Query[name].ToArray();
        if (values.Length > 1)
        {
            errors[name] = ["Give this value once."];
        }
        else if (values is [{ Length: > 0 } value] && NumberStyle(type) is { } style
            && !decimal.TryParse(value, style, CultureInfo.InvariantCulture, out _))
        {
            errors[name] = ["Write the number with digits and a decimal point, like 1234.5."];
        }
    }

    private static NumberStyles? NumberStyle(Type type) => type.IsEnum ? null : Type.GetTypeCode(type) switch
    {
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => NumberStyles.Integer,
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single => NumberStyles.Float,
        _ => null,
    };
}
