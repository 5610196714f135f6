using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GamesDrop.ServiceDefaults.Requests;

/// <summary>
/// What every JSON body must hold to reach an endpoint: text without control characters (bar tab and line breaks) or
/// broken surrogates, which PostgreSQL and mail cannot store, and lists without null items, which the framework's null
/// checks do not look inside. A body that breaks either is a JSON error, so a 400 at the edge, for requests and events alike.
/// </summary>
public static class SafeText
{
    public static bool HasControlCharacters(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A resolver modifier that checks each deserialized object's text and list properties.</summary>
    public static void Screen(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var checks = typeInfo.Properties.Select(Check).OfType<Action<object>>().ToArray();
        if (checks.Length == 0)
        {
            return;
        }
        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            foreach (var check in checks)
            {
                check(value);
            }
            previous?.Invoke(value);
        };
    }

    private static Action<object>? Check(JsonPropertyInfo property)
    {
        if (property.Get is not { } get)
        {
            return null;
        }
        if (property.PropertyType == typeof(string))
        {
            return value =>
            {
                if (HasControlCharacters(get(value) as string))
                {
                    throw new UnsafeTextException(property.Name, "Text without control characters.");
                }
            };
        }
        if (!typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
            || typeof(IDictionary).IsAssignableFrom(property.PropertyType))
        {
            return null;
        }
        var itemsMayBeNull = ItemsMayBeNull(property);
        return value =>
        {
            foreach (var item in get(value) as IEnumerable ?? Array.Empty<object>())
            {
                if (item is null && !itemsMayBeNull)
                {
                    throw new UnsafeTextException(property.Name, "A list without null items.");
                }
                if (HasControlCharacters(item as string))
                {
                    throw new UnsafeTextException(property.Name, "Text without control characters.");
                }
            }
        };
    }

    /// <summary>Only a list declared with nullable items (<c>List&lt;string?&gt;</c>, <c>int?[]</c>) may hold null.</summary>
    private static bool ItemsMayBeNull(JsonPropertyInfo property)
    {
        var nullability = new NullabilityInfoContext();
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => nullability.Create(p),
            FieldInfo f => nullability.Create(f),
            _ => null,
        };
        var item = info?.ElementType ?? info?.GenericTypeArguments.FirstOrDefault();
        return item is null || item.ReadState != NullabilityState.NotNull;
    }

    /// <summary>A body that broke the rules above, naming the field, so the caller gets a validation problem for it.</summary>
    public sealed class UnsafeTextException(string field, string message) : JsonException(message)
    {
        public string Field { get; } = field;
    }
}
