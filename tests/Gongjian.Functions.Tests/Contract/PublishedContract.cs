using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Gongjian.Functions.Tests.Contract;

/// <summary>
/// The contract the app publishes at /api/openapi.json, as a client reads it: find the operation of
/// a request, then check a body against the JSON Schema (OpenAPI 3.1 = JSON Schema 2020-12) declared
/// for that operation, status and media type. Component references are resolved by putting the
/// document's components under <c>$defs</c> of each checked schema.
/// </summary>
public sealed class PublishedContract
{
    private readonly JsonElement _document;
    private readonly JsonObject _components;
    private readonly List<(Regex Path, string Template)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public PublishedContract(JsonElement document)
    {
        _document = document;
        _components = JsonNode.Parse(document.GetProperty("components").GetProperty("schemas").GetRawText())!.AsObject();
        _paths = document.GetProperty("paths").EnumerateObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^/]+?}", "[^/]+") + "$"), p.Name))
            .ToList();
    }

    public JsonElement Document => _document;

    /// <summary>The operation serving <paramref name="method"/> <paramref name="path"/> (query left out): its template and object.</summary>
    public (string Template, JsonElement Operation) Find(HttpMethod method, string path)
    {
        var bare = path.Split('?')[0];
        // A literal segment beats a parameter: /api/orders/x/accept is not /api/orders/{id}/photos/{photoId}.
        var matches = _paths.Where(p => p.Path.IsMatch(bare)).OrderBy(p => p.Template.Count(c => c == '{')).ToList();
        foreach (var (_, template) in matches)
            if (_document.GetProperty("paths").GetProperty(template).TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
                return (template, operation);
        throw new Xunit.Sdk.XunitException($"/api/openapi.json has no operation for {method} {bare}.");
    }

    /// <summary>Why a body does not match the response declared for this operation and status (empty: it matches).</summary>
    public IReadOnlyList<string> CheckResponse(HttpMethod method, string path, int status, string? mediaType, string body)
    {
        var (template, operation) = Find(method, path);
        var where = $"{method} {template} → {status}";
        if (!operation.GetProperty("responses").TryGetProperty(status.ToString(), out var response))
            return [$"{where}: status {status} is not declared."];
        if (!response.TryGetProperty("content", out var content))
            return body.Length == 0 ? [] : [$"{where}: declared without a body, answered {body.Length} characters."];
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
            return [$"{where}: media type {mediaType} is not declared ({string.Join(", ", content.EnumerateObject().Select(c => c.Name))})."];
        if (!mediaType.Contains("json", StringComparison.Ordinal)) return [];
        return Check(where, media.GetProperty("schema"), body);
    }

    /// <summary>Why a request body does not match the operation's declared request body.</summary>
    public IReadOnlyList<string> CheckRequest(HttpMethod method, string path, string body)
    {
        var (template, operation) = Find(method, path);
        if (!operation.TryGetProperty("requestBody", out var request))
            return body.Length == 0 ? [] : [$"{method} {template}: declares no request body."];
        return Check($"{method} {template} request", request.GetProperty("content").GetProperty("application/json").GetProperty("schema"), body);
    }

    public IReadOnlyList<string> Check(string where, JsonElement schema, string body)
    {
        var built = _schemas.GetOrAdd(schema.GetRawText(), Build);
        JsonElement instance;
        try { instance = JsonDocument.Parse(body).RootElement; }
        catch (JsonException e) { return [$"{where}: not JSON ({e.Message})."]; }
        var result = built.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] :
            [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{where}: {d.InstanceLocation} {e.Key}: {e.Value}")).DefaultIfEmpty($"{where}: invalid.")];
    }

    private JsonSchema Build(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = _components.DeepClone();
        var text = schema.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
