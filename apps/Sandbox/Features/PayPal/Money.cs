using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>An amount as PayPal writes it: a currency code and the value as a string with the currency's decimals.</summary>
internal sealed partial record Money(string CurrencyCode, string Value)
{
    [JsonIgnore]
    public decimal Amount => decimal.Parse(Value, CultureInfo.InvariantCulture);

    public static Money Of(string currency, decimal amount) =>
        new(currency, amount.ToString(Decimals(currency) == 0 ? "0" : "0.00", CultureInfo.InvariantCulture));

    /// <summary>The currencies PayPal takes without minor units.</summary>
    public static int Decimals(string currency) => currency is "JPY" or "HUF" or "TWD" ? 0 : 2;

    [GeneratedRegex(@"^[0-9]{1,10}(\.[0-9]+)?$")]
    public static partial Regex ValueFormat();
}

/// <summary>An amount in a request, not yet checked.</summary>
internal sealed record MoneyBody(string? CurrencyCode, string? Value)
{
    public PayPalError? Validate(string at)
    {
        if (CurrencyCode is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            return CurrencyCode is null ? PayPalError.Missing($"{at}/currency_code")
                : PayPalError.Invalid("INVALID_PARAMETER_VALUE", "currency_code must be a three-letter ISO 4217 code.", $"{at}/currency_code");
        }
        if (Value is null)
        {
            return PayPalError.Missing($"{at}/value");
        }
        if (!Money.ValueFormat().IsMatch(Value) || decimal.Parse(Value, CultureInfo.InvariantCulture) <= 0)
        {
            return PayPalError.Invalid("INVALID_PARAMETER_VALUE", "value must be a positive decimal.", $"{at}/value");
        }
        var decimals = Value.Contains('.') ? Value.Length - Value.IndexOf('.') - 1 : 0;
        return decimals > Money.Decimals(currency)
            ? PayPalError.Refused("DECIMAL_PRECISION", $"If the currency supports decimals, only two decimal place precision is supported ({currency}).")
            : null;
    }

    public Money ToMoney() => Money.Of(CurrencyCode!, decimal.Parse(Value!, CultureInfo.InvariantCulture));
}
