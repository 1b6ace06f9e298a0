using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gongjian.Functions.Tests.Contract;

/// <summary>
/// An HTTP client that checks every request body it sends and every answer it gets against the
/// published contract, and records which operation answered which status.
/// </summary>
public sealed class CheckedClient(HttpClient http, PublishedContract contract)
{
    public PublishedContract Contract => contract;
    public HashSet<(string Operation, int Status)> Seen { get; } = [];
    public int Checked { get; private set; }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, int expect, object? body = null, string? key = null,
        string? tracking = null, string? bearer = null, string contentType = "application/json", bool checkRequest = true,
        IEnumerable<(string, string)>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        string? sent = body switch { null => null, string raw => raw, _ => JsonSerializer.Serialize(body, JsonSerializerOptions.Web) };
        if (sent is not null)
        {
            if (checkRequest) Assert.Empty(contract.CheckRequest(method, path, sent));
            request.Content = new StringContent(sent, Encoding.UTF8, contentType);
        }
        if ((key ?? bearer) is { } b) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", b);
        if (tracking is not null) request.Headers.Add("X-Tracking-Code", tracking);
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);

        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var text = mediaType?.StartsWith("image/", StringComparison.Ordinal) == true ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(status == expect, $"{method} {path}: expected {expect}, got {status}: {text}");
        var problems = contract.CheckResponse(method, path, status, text.Length == 0 && mediaType is null ? null : mediaType, text);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nBody: " + text);
        Seen.Add((contract.Find(method, path).Operation.GetProperty("operationId").GetString()!, status));
        Checked++;
        return text.Length > 0 && mediaType?.Contains("json", StringComparison.Ordinal) == true ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }
}
