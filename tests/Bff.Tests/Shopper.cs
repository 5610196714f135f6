using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Bff.Tests;

/// <summary>A browser against the store's BFF: keeps its cookies, and sends the CSRF token it was given on writes.</summary>
public sealed class Shopper : IDisposable
{
    private readonly HttpClient _http;
    private readonly EmbeddedApp _app;

    public Shopper(EmbeddedApp app)
    {
        _app = app;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = app.BaseUri };
    }

    public CookieContainer Cookies { get; }
    public HttpClient Http => _http;
    public string? CsrfToken { get; private set; }
    public Guid Id { get; private set; }

    public Task<HttpResponseMessage> RegisterAsync(string email, string password = "correct horse") =>
        _http.PostAsJsonAsync("/bff/api/auth/register", new { email, password, displayName = email.Split('@')[0] });

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = "correct horse")
    {
        var response = await _http.PostAsJsonAsync("/bff/api/auth/login", new { email, password });
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            CsrfToken = body.GetProperty("csrfToken").GetString();
            Id = body.GetProperty("id").GetGuid();
        }
        return response;
    }

    /// <summary>Registers, confirms the email by the mailed link and signs in, failing the test if any of it does not work.</summary>
    public async Task<Shopper> SignedUpAsync(string email)
    {
        (await RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await ConfirmEmailAsync(await Mailbox.VerificationTokenAsync(_app, email))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
        return this;
    }

    public Task<HttpResponseMessage> ConfirmEmailAsync(string token) =>
        _http.PostAsJsonAsync("/bff/api/auth/email-verification/confirm", new { token });

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (withCsrf && CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        return _http.SendAsync(request);
    }

    public string? SessionCookie => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "gd_session")?.Value;

    public void Dispose() => _http.Dispose();
}
