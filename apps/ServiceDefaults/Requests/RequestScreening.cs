using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
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
        if (Screens.GetValue(parameter, ScreenFor) is not { } screen)
        {
            return;
        }
        var values = context.Request.RouteValues.TryGetValue(screen.Name, out var routeValue)
            ? [routeValue?.ToString()]
            : context.Request.Query[screen.Name].ToArray();
        if (values.Length > 1)
        {
            errors[screen.Name] = ["Give this value once."];
        }
        else if (values is [{ Length: > 0 } value] && screen.Number is { } style
            && !decimal.TryParse(value, style, CultureInfo.InvariantCulture, out _))
        {
            errors[screen.Name] = ["Write the number with digits and a decimal point, like 1234.5."];
        }
    }

    // What to check of a parameter, read from its attributes once per endpoint: reflection on every request cost more
    // than the rest of the screening.
    private static readonly ConditionalWeakTable<IParameterBindingMetadata, Screen?> Screens = new();

    private sealed record Screen(string Name, NumberStyles? Number);

    // Null for a parameter not bound from one query or route value.
    private static Screen? ScreenFor(IParameterBindingMetadata parameter)
    {
        var info = parameter.ParameterInfo;
        if (info.GetCustomAttributes().Any(a => a is IFromBodyMetadata or IFromHeaderMetadata or IFromFormMetadata or IFromServiceMetadata))
        {
            return null;
        }
        var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
        if (type.IsArray || type != typeof(string) && !parameter.HasTryParse)
        {
            return null;
        }
        return new Screen(info.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name, NumberStyle(type));
    }

    private static NumberStyles? NumberStyle(Type type) => type.IsEnum ? null : Type.GetTypeCode(type) switch
    {
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => NumberStyles.Integer,
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single => NumberStyles.Float,
        _ => null,
    };
}
