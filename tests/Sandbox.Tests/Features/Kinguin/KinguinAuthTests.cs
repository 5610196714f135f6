using System.Net;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Kinguin;

public sealed class KinguinAuthTests : SandboxTest
{
    [Theory]
    [InlineData("/kinguin/esa/api/v1/products")]
    [InlineData("/kinguin/esa/api/v1/balance")]
    [InlineData("/kinguin/esa/api/v1/order/NOPE")]
    public async Task Wrong_api_key_gets_401_with_Kinguin_error_envelope(string path)
    {
        using var response = await Sandbox.Kinguin("not-the-key").GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var error = await response.JsonAsync();
        error.GetProperty("kind").GetString().Should().Be("Authorization");
        error.GetProperty("status").GetInt32().Should().Be(401);
        error.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Missing_api_key_is_refused_and_the_right_one_is_let_in()
    {
        using var anonymous = await Sandbox.CreateClient().GetAsync("/kinguin/esa/api/v1/balance");
        var balance = await Sandbox.Kinguin().GetJsonAsync("/kinguin/esa/api/v1/balance");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        balance.GetProperty("balance").GetDecimal().Should().Be(SandboxApplication.KinguinBalance);
    }
}
