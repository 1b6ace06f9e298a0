using System.Text.Json;
using System.Xml.Linq;
using Gongjian.Functions.Cli;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>An Open311 client's steps against the running app: a key from the CLI verb, form posts, JSON and XML reads.</summary>
public static class Open311Helpers
{
    public const string Base = "/open311/v2";

    /// <summary>Creates a client key the way an administrator does: <c>keys create --role open311 --scope STREET --name APP</c>.</summary>
    public static async Task<string> ClientKeyAsync(this TestApp app, string street = "caiyuan", string name = "随手拍App") =>
        (await app.ClientKeyWithIdAsync(street, name)).Key;

    /// <summary>The key and its id, as <c>keys create</c> prints them ("Created key ID for open311 STREET:", then the key).</summary>
    public static async Task<(string Key, string KeyId)> ClientKeyWithIdAsync(this TestApp app, string street = "caiyuan", string name = "随手拍App")
    {
        var output = new StringWriter();
        var exit = await KeysCommand.RunAsync(app.Services, ["create", "--role", "open311", "--scope", street, "--name", name], output, CancellationToken.None);
        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("gjo_", lines[1].Trim());
        return (lines[1].Trim(), lines[0].Split(' ')[2]);
    }

    public static Dictionary<string, string> Fields(string apiKey, string description = "三楼楼道灯坏了一个星期了，电话13805381234",
        string service = "repair", string community = "dongqili") => new()
    {
        ["api_key"] = apiKey, ["service_code"] = service, ["description"] = description,
        ["attribute[community]"] = community, ["address_string"] = "宝盛小区3号楼2单元301",
        ["first_name"] = "秀英", ["last_name"] = "李", ["phone"] = "13805381234", ["email"] = "li@example.cn",
    };

    public static Task<HttpResponseMessage> FileAsync(this TestApp app, IDictionary<string, string> fields, string format = "json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.Http.SendAsync(request);
    }

    /// <summary>Files a request; returns the order id and the tracking code the client is given for the resident.</summary>
    public static async Task<(string Id, string TrackingCode)> FileOkAsync(this TestApp app, IDictionary<string, string> fields)
    {
        var answer = (await (await app.FileAsync(fields)).ReadJsonAsync(200))[0];
        return (answer.GetProperty("service_request_id").GetString()!, answer.GetProperty("tracking_code").GetString()!);
    }

    public static async Task<JsonElement> GetJsonAsync(this TestApp app, string path, int status = 200)
    {
        var response = await app.Http.GetAsync(Base + path);
        var json = await response.ReadJsonAsync(status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return json;
    }

    public static async Task<XElement> GetXmlAsync(this TestApp app, string path, int status = 200)
    {
        var response = await app.Http.GetAsync(Base + path);
        return await response.ReadXmlAsync(status);
    }

    public static async Task<XElement> ReadXmlAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body);
        return XDocument.Parse(body).Root!;
    }

    /// <summary>Asserts an Open311 error answer: a list of one {code, description} with this status and a Chinese description.</summary>
    public static async Task ShouldBeOpen311ErrorAsync(this HttpResponseMessage response, int status)
    {
        var error = Assert.Single((await response.ReadJsonAsync(status)).EnumerateArray());
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.GetProperty("description").GetString()!);
    }

    /// <summary>The one request of a GET requests/{id} answer.</summary>
    public static async Task<JsonElement> RequestAsync(this TestApp app, string id) =>
        Assert.Single((await app.GetJsonAsync($"/requests/{id}.json")).EnumerateArray());

    public static string[] Ids(JsonElement list) =>
        list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToArray();
}
