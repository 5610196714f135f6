using System.Security.Cryptography;
using System.Text;
using GamesDrop.Suppliers.Features.Push;

namespace GamesDrop.Suppliers.Tests.Features.Push;

public sealed class WebhookSignaturesTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"data":{"ref_id":"r1","status":"Sukses"}}""");

    private static string Sign(string secret, byte[] body) => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void Digiflazz_signature_over_the_raw_body_is_accepted() =>
        WebhookSignatures.IsDigiflazzSignature(Sign("s3cret", Body), Body, "s3cret").Should().BeTrue();

    [Fact]
    public void Digiflazz_signature_of_another_body_or_secret_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"data":{"ref_id":"r1","status":"Gagal"}}""");

        WebhookSignatures.IsDigiflazzSignature(Sign("s3cret", Body), tampered, "s3cret").Should().BeFalse();
        WebhookSignatures.IsDigiflazzSignature(Sign("other", Body), Body, "s3cret").Should().BeFalse();
        WebhookSignatures.IsDigiflazzSignature(null, Body, "s3cret").Should().BeFalse();
        WebhookSignatures.IsDigiflazzSignature(Sign("s3cret", Body)[5..], Body, "s3cret").Should().BeFalse("the sha1= prefix is part of the format");
    }

    [Fact]
    public void Kinguin_secret_must_match_exactly()
    {
        WebhookSignatures.IsKinguinSecret("s3cret", "s3cret").Should().BeTrue();
        WebhookSignatures.IsKinguinSecret("s3cre", "s3cret").Should().BeFalse();
        WebhookSignatures.IsKinguinSecret(null, "s3cret").Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("change-me")]
    public void An_empty_or_placeholder_secret_accepts_no_push_even_one_signed_with_it(string secret)
    {
        WebhookSignatures.IsKinguinSecret(secret, secret).Should().BeFalse();
        WebhookSignatures.IsDigiflazzSignature(Sign(secret, Body), Body, secret).Should().BeFalse();
    }
}
