using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// Makes malformed requests from a route's well-formed one (<see cref="FuzzTarget"/>). Every request
/// carries at least one defect the route must refuse: broken or duplicate-key JSON, bytes that are
/// not UTF-8, escaped lone surrogates, control characters, oversized and deeply nested bodies, wrong
/// types, wrong content types, missing or forged credentials, path tricks, wrong methods; the
/// Direct Line upload also gets broken multipart. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class MalformedRequests(FuzzTarget target, FuzzCredentials credentials, IReadOnlySet<string> methodsAtPath)
{
    private const string Placeholder = "__FUZZ_VALUE__";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private delegate FuzzRequest? Generator(Random rnd);

    /// <summary><paramref name="count"/> requests, the generators taken in turn, each with its own random choices.</summary>
    public IEnumerable<FuzzRequest> Take(Random rnd, int count)
    {
        var generators = Generators();
        for (int i = 0, misses = 0; i < count && misses < 1000;)
        {
            if (generators[(i + misses) % generators.Count](rnd) is { } request) { i++; yield return request; }
            else misses++;
        }
    }

    private List<Generator> Generators()
    {
        var list = new List<Generator>();
        var withBody = target.Json is not null;
        if (withBody)
        {
            list.AddRange([BrokenJson, DuplicateKey, InvalidUtf8, LoneSurrogate, ControlCharacter, ControlCharacter, Deep, WrongType, WrongContentType, Oversized]);
            if (target.Multipart) list.AddRange([BrokenMultipart, BrokenMultipart]);
        }
        else list.AddRange([BrokenJson, QueryTrick, HeaderTrick]);
        if (target.CredentialRequired || target.DirectLine || target.Connector || target.Route.Pattern.RawText?.StartsWith("/api/") == true) list.Add(Credential);
        list.Add(PathTrick);
        list.Add(WrongMethod);
        return list;
    }

    // ---- bodies ----

    private FuzzRequest? BrokenJson(Random rnd)
    {
        var valid = Utf8(target.Json ?? new JsonObject { ["text"] = "你好" });
        string[] fixedTexts = ["{", "}", "[", "\"", "{\"a\":}", "{,}", "{\"text\":\"x\",}", "{'text':'x'}", "{text:\"x\"}", "// c\n{}",
            "{\"a\":NaN}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "\"just a string\"", "[]", "null", "123", "tru", "{\"a\" \"b\"}", "{}{}", "{\"a\":01}"];
        var body = rnd.Next(5) switch
        {
            0 => valid[..rnd.Next(1, valid.Length)], // every proper prefix of an object is incomplete
            1 => Garbage(rnd),
            2 => [.. valid, .. "garbage"u8],
            3 => [.. valid, .. valid],
            _ => Encoding.UTF8.GetBytes(fixedTexts[rnd.Next(fixedTexts.Length)]),
        };
        return Send("broken-json", body);
    }

    private FuzzRequest? DuplicateKey(Random rnd)
    {
        var objects = Objects(target.Json!).ToList();
        var (path, obj) = objects[rnd.Next(objects.Count)];
        if (obj.Count == 0) return null;
        var name = obj.ElementAt(rnd.Next(obj.Count)).Key;
        var twin = rnd.Next(3) == 0 ? char.ToUpperInvariant(name[0]) + name[1..] : name; // the deserializers match names case-insensitively
        var json = Write(target.Json!, (p, w) =>
        {
            if (p == path) { w.WritePropertyName(twin); w.WriteStringValue(rnd.Next(2) == 0 ? "b" : "第二个值"); }
        });
        return Send("duplicate-key", json);
    }

    private static readonly byte[][] BadUtf8 =
    [
        [0xED, 0xA0, 0x80], [0xED, 0xB0, 0x80], [0xFF], [0xFE], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xC3], [0xE4, 0xB8], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80],
    ];

    private FuzzRequest? InvalidUtf8(Random rnd)
    {
        var bad = BadUtf8[rnd.Next(BadUtf8.Length)];
        if (rnd.Next(4) == 0) return Send("invalid-utf8-name", InjectName(rnd, [(byte)'"', (byte)'k', .. bad, (byte)'"']));
        return StringLeaf(rnd) is { } leaf ? Send($"invalid-utf8:{leaf}", InjectValue(leaf, [(byte)'"', .. "居民"u8, .. bad, .. "x"u8, (byte)'"'])) : null;
    }

    private static readonly string[] Surrogates = ["\\ud800", "\\udc00", "\\ud800\\u0041", "\\udfff\\ud800", "x\\ud83d", "\\uDBFF", "\\ud800\\ud800"];

    private FuzzRequest? LoneSurrogate(Random rnd)
    {
        var s = Surrogates[rnd.Next(Surrogates.Length)];
        if (rnd.Next(4) == 0) return Send("lone-surrogate-name", InjectName(rnd, Encoding.UTF8.GetBytes($"\"k{s}\"")));
        return StringLeaf(rnd) is { } leaf ? Send($"lone-surrogate:{leaf}", InjectValue(leaf, Encoding.UTF8.GetBytes($"\"三楼{s}灯\""))) : null;
    }

    private static readonly byte[][] Controls =
    [
        "\\u0000"u8.ToArray(), "\\u0001"u8.ToArray(), "\\u0007"u8.ToArray(), "\\u001b"u8.ToArray(), "\\u007f"u8.ToArray(), "\\u0085"u8.ToArray(),
        "\\u009f"u8.ToArray(), "\\u0000\\u0000"u8.ToArray(), [0x7F], [0xC2, 0x85], [0x00], [0x07], "\\b"u8.ToArray(), "\\f"u8.ToArray(),
    ];

    private FuzzRequest? ControlCharacter(Random rnd)
    {
        var c = Controls[rnd.Next(Controls.Length)];
        if (rnd.Next(5) == 0) return Send("control-name", InjectName(rnd, [(byte)'"', (byte)'k', .. c, (byte)'"']));
        if (StringLeaf(rnd) is not { } leaf) return null;
        // Alone, or inside ordinary text: a NUL is refused wherever it stands.
        byte[] value = rnd.Next(3) switch { 0 => [(byte)'"', .. c, (byte)'"'], 1 => [(byte)'"', .. "宝盛小区"u8, .. c, (byte)'"'], _ => [(byte)'"', .. c, .. "3号楼"u8, (byte)'"'] };
        return Send($"control:{leaf}", InjectValue(leaf, value));
    }

    private static readonly int[] Depths = [17, 33, 65, 200, 2000, 9000];

    private FuzzRequest? Deep(Random rnd)
    {
        var depth = Depths[rnd.Next(Depths.Length)];
        var nested = new StringBuilder();
        var asObjects = rnd.Next(2) == 0;
        for (var i = 0; i < depth; i++) nested.Append(asObjects ? "{\"a\":" : "[");
        nested.Append("1");
        for (var i = 0; i < depth; i++) nested.Append(asObjects ? '}' : ']');
        var value = Encoding.UTF8.GetBytes(nested.ToString());
        // Nested where a string belongs (or as the whole body), so the body is wrong even below the depth limit.
        return rnd.Next(3) == 0 || StringLeaf(rnd, checkedOnly: true) is not { } leaf
            ? Send($"deep-{depth}", value)
            : Send($"deep-{depth}:{leaf}", InjectValue(leaf, value));
    }

    private FuzzRequest? WrongType(Random rnd)
    {
        var nodes = Nodes(target.Json!, "").Where(n => n.Path.Length > 0 && !target.FreeForm.Any(f => n.Path.StartsWith(f, StringComparison.Ordinal))).ToList();
        var (path, node) = nodes[rnd.Next(nodes.Count)];
        string[] options = node?.GetValueKind() switch
        {
            JsonValueKind.String => ["5", "true", "[]", "{}", "1.5", "[\"a\"]", "-0"],
            JsonValueKind.Number => ["\"5\"", "true", "[]", "{}", "\"五\"", "1e400", "5.5"],
            JsonValueKind.True or JsonValueKind.False => ["\"true\"", "0", "[]"],
            JsonValueKind.Object => ["\"x\"", "[]", "5", "true"],
            JsonValueKind.Array => ["\"x\"", "{}", "5", "[[[]]]", "[5]"],
            _ => ["[]"],
        };
        var value = options[rnd.Next(options.Length)];
        return Send($"wrong-type:{path}={value}", InjectValue(path, Encoding.UTF8.GetBytes(value)));
    }

    private static readonly string?[] ContentTypes =
    [
        null, "text/plain", "application/xml", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "garbage", "application/json, text/plain",
        "", "text/json; charset=gbk", "application/jsonx", "image/png",
    ];

    private FuzzRequest? WrongContentType(Random rnd)
    {
        var type = ContentTypes[rnd.Next(ContentTypes.Length)];
        if (target.Multipart && type == "multipart/form-data") type = "text/plain";
        return Raw($"content-type:{type ?? "none"}", target.Method, target.Path, Utf8(target.Json!), type, Auth());
    }

    private bool _pastServerLimitSent;

    private FuzzRequest? Oversized(Random rnd)
    {
        // Past the server's own 40 MB limit once per route that takes photos; otherwise past every route's JSON limit.
        var size = target.LargeBodies && !_pastServerLimitSent ? 41 * 1024 * 1024 : rnd.Next(2) == 0 ? 70 * 1024 : 1200 * 1024;
        _pastServerLimitSent |= size > 40 * 1024 * 1024;
        // The padding sits in a field of its own and the closing brace is missing: too large, and broken if the size were let through.
        var valid = Utf8(target.Json!);
        var body = new byte[valid.Length - 1 + 11 + size];
        valid.AsSpan(0, valid.Length - 1).CopyTo(body);
        var at = valid.Length - 1;
        ",\"zzpad\":\""u8.CopyTo(body.AsSpan(at));
        body.AsSpan(at + 10, size).Fill((byte)'x');
        body[^1] = (byte)'"';
        return Send($"oversized-{size / 1024}KB", body);
    }

    private FuzzRequest? BrokenMultipart(Random rnd)
    {
        var activity = Utf8(target.Json!);
        var (ok, boundary) = MultipartBody(activity, withFile: true);
        var body = rnd.Next(8) switch
        {
            0 => (Body: ok, Type: (string?)"multipart/form-data"), // no boundary
            1 => (Body: Array.Empty<byte>(), Type: $"multipart/form-data; boundary={boundary}"), // empty
            2 => (Body: ok[..(ok.Length / 2)], Type: $"multipart/form-data; boundary={boundary}"), // cut off
            3 => (Body: Encoding.UTF8.GetBytes($"--{boundary}--\r\n"), Type: $"multipart/form-data; boundary={boundary}"), // no parts
            4 => (Body: MultipartBody(activity, withFile: false).Body, Type: $"multipart/form-data; boundary={boundary}"), // no file
            5 => (Body: ok, Type: $"multipart/form-data; boundary={new string('b', 200)}"), // boundary too long
            6 => (Body: Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{boundary}--\r\n"), Type: $"multipart/form-data; boundary={boundary}"), // part without a name
            _ => (Body: "a=b&activity=%7B"u8.ToArray(), Type: "application/x-www-form-urlencoded"),
        };
        return Raw("multipart", target.Method, target.Path, body.Body, body.Type, Auth());
    }

    // ---- credentials, paths, methods, query, headers ----

    private FuzzRequest? Credential(Random rnd)
    {
        var forged = new List<string?>(credentials.Forged);
        if (target.CredentialRequired) forged.Add(null);
        if (target.DirectLine) forged.AddRange(credentials.ForgedDirectLine.Where(t => target.Route.HasParameters || t != credentials.OtherConversation));
        if (target.Connector) forged.AddRange(credentials.ForgedConnector);
        var bearer = forged[rnd.Next(forged.Count)];
        var headers = bearer is null ? [] : new List<KeyValuePair<string, string>> { new("Authorization", bearer.StartsWith("Basic ", StringComparison.Ordinal) ? bearer : "Bearer " + bearer) };
        return Raw($"credential:{(bearer is null ? "missing" : bearer.Length > 24 ? bearer[..24] : bearer)}", target.Method, target.Path, Body(), ContentType(), headers);
    }

    private static readonly string[] SegmentTricks =
    [
        "..", "%2e%2e", "%2E%2E%2F", "a%2Fb", "%00", "%ZZ", "unknown-id", "GJ000000-XXXXXX", "工单", "%E5%B7%A5", "%C0%AE%C0%AE", "..%5C..",
        "%252e%252e", "%u002e", "'%20OR%201=1--", "<script>", "%0d%0aX-Injected:%201", "~", "%20", "a;b", "%FF%FE", "x%00y",
        "SC000000-00000000", "-1", "99999999999999999999",
    ];

    private FuzzRequest? PathTrick(Random rnd)
    {
        var trick = rnd.Next(6) == 0 ? new string('a', rnd.Next(300, 9000)) : SegmentTricks[rnd.Next(SegmentTricks.Length)];
        string path;
        if (target.Route.HasParameters)
        {
            var which = target.Route.Pattern.Parameters[rnd.Next(target.Route.Pattern.Parameters.Count)].Name;
            var real = target.Path;
            path = target.Route.Path(p => p.Name == which ? trick : Segment(real, target.Route, p.Name));
        }
        else
            // Only ever a segment more: a prefix such as "x/../" would be normalised back onto the route itself.
            path = target.Path.TrimEnd('/') + "/" + trick;
        return Raw($"path:{(trick.Length > 30 ? $"long-{trick.Length}" : trick)}", target.Method, path, Body(), ContentType(), Auth());
    }

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "PROPFIND"];

    private FuzzRequest? WrongMethod(Random rnd)
    {
        var wrong = Methods.Where(m => !methodsAtPath.Contains(m)).ToList();
        var method = wrong[rnd.Next(wrong.Count)];
        return Raw($"method:{method}", method, target.Path, method is "GET" or "HEAD" or "TRACE" ? null : Body(), method is "GET" or "HEAD" or "TRACE" ? null : ContentType(), Auth());
    }

    private static readonly string[] QueryTricks =
    [
        "?watermark=-1", "?watermark=abc", "?watermark=99999999999999999999", "?status=%00", "?status=unknown", "?continuation=%ZZ",
        "?continuation=" + new string('x', 5000), "?top=-5", "?top=100000", "?community=..%2F", "?a=1&a=2&a=3", "?%00=%00", "?x=%ED%A0%80",
        "?street=' or 1=1", "?cursor=eyJ9", "?pageSize=1e9", "?unit=%2e%2e%2f%2e%2e",
    ];

    private FuzzRequest? QueryTrick(Random rnd) =>
        Raw("query", target.Method, target.Path + QueryTricks[rnd.Next(QueryTricks.Length)], null, null, Auth());

    private static readonly (string Name, string Value)[] HeaderTricks =
    [
        ("X-Tracking-Code", "K7M3-QX9P"), ("X-Tracking-Code", new string('A', 5000)), ("X-Tracking-Code", "../../"), ("X-Correlation-Id", new string('c', 400)),
        ("X-Correlation-Id", "a b\tc"), ("Idempotency-Key", "\"\""), ("Accept", "application/xml"), ("Accept-Charset", "gbk"), ("Origin", "http://evil.example"),
        ("Content-Encoding", "gzip"), ("X-Forwarded-For", "1.2.3.4, ::1, garbage"), ("If-None-Match", "*"), ("Range", "bytes=99999999-"),
    ];

    private FuzzRequest? HeaderTrick(Random rnd)
    {
        var (name, value) = HeaderTricks[rnd.Next(HeaderTricks.Length)];
        return Raw($"header:{name}", target.Method, target.Path, null, null, [.. Auth(), new(name, value)]);
    }

    // ---- building ----

    private FuzzRequest Send(string generator, byte[] json)
    {
        if (!target.Multipart) return Raw(generator, target.Method, target.Path, json, "application/json", Auth());
        var (body, boundary) = MultipartBody(json, withFile: true);
        return Raw(generator, target.Method, target.Path, body, $"multipart/form-data; boundary={boundary}", Auth());
    }

    private FuzzRequest Raw(string generator, string method, string path, byte[]? body, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(generator, method, path, body, contentType, headers);

    private byte[]? Body() => target.Json is null ? null : target.Multipart ? MultipartBody(Utf8(target.Json), true).Body : Utf8(target.Json);

    private string? ContentType() => target.Json is null ? null : target.Multipart ? $"multipart/form-data; boundary={MultipartBoundary}" : "application/json";

    private List<KeyValuePair<string, string>> Auth() => target.Bearer is null ? [] : [new("Authorization", "Bearer " + target.Bearer)];

    private const string MultipartBoundary = "fuzz-boundary-7d3f";

    private static (byte[] Body, string Boundary) MultipartBody(byte[] activity, bool withFile)
    {
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Text($"--{MultipartBoundary}\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n");
        body.Write(activity);
        if (withFile)
        {
            Text($"\r\n--{MultipartBoundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n");
            body.Write(TestImages.Png());
        }
        Text($"\r\n--{MultipartBoundary}--\r\n");
        return (body.ToArray(), MultipartBoundary);
    }

    private static byte[] Garbage(Random rnd)
    {
        const string starts = "<>!@#$%^&*()=+;~`?|\\";
        var bytes = new byte[rnd.Next(1, 200)];
        rnd.NextBytes(bytes);
        bytes[0] = (byte)starts[rnd.Next(starts.Length)];
        return bytes;
    }

    /// <param name="checkedOnly">Leave out free-form paths, where a value of another shape is legitimately taken.</param>
    private string? StringLeaf(Random rnd, bool checkedOnly = false)
    {
        var leaves = Nodes(target.Json!, "").Where(n => n.Node?.GetValueKind() == JsonValueKind.String)
            .Where(n => !checkedOnly || !target.FreeForm.Any(f => n.Path.StartsWith(f, StringComparison.Ordinal))).Select(n => n.Path).ToList();
        return leaves.Count == 0 ? null : leaves[rnd.Next(leaves.Count)];
    }

    /// <summary>The body with the value at <paramref name="path"/> replaced by raw bytes (which may be anything).</summary>
    private byte[] InjectValue(string path, byte[] raw)
    {
        var copy = (JsonObject)target.Json!.DeepClone();
        Set(copy, path, JsonValue.Create(Placeholder));
        return Replace(Utf8(copy), $"\"{Placeholder}\"", raw);
    }

    /// <summary>The body with one more property, whose name is <paramref name="rawName"/> (bytes, quotes included).</summary>
    private byte[] InjectName(Random rnd, byte[] rawName)
    {
        var copy = (JsonObject)target.Json!.DeepClone();
        var objects = Objects(copy).ToList();
        objects[rnd.Next(objects.Count)].Object[Placeholder] = "v";
        return Replace(Utf8(copy), $"\"{Placeholder}\"", rawName);
    }

    private static byte[] Replace(byte[] json, string placeholder, byte[] raw)
    {
        var marker = Encoding.UTF8.GetBytes(placeholder);
        var at = json.AsSpan().IndexOf(marker);
        return [.. json.AsSpan(0, at), .. raw, .. json.AsSpan(at + marker.Length)];
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode parent = root;
        var parts = Split(path);
        foreach (var part in parts[..^1]) parent = part is int i ? parent[i]! : parent[(string)part]!;
        if (parts[^1] is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)parts[^1]] = value;
    }

    private static object[] Split(string path) =>
        path.Split('.').SelectMany(p => p.Split('[').Select(s => s.EndsWith(']') ? (object)int.Parse(s.TrimEnd(']')) : s)).Where(s => s is not "").ToArray();

    private static IEnumerable<(string Path, JsonNode? Node)> Nodes(JsonNode? node, string path)
    {
        yield return (path, node);
        if (node is JsonObject o)
            foreach (var (k, v) in o) foreach (var n in Nodes(v, path.Length == 0 ? k : $"{path}.{k}")) yield return n;
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++) foreach (var n in Nodes(a[i], $"{path}[{i}]")) yield return n;
    }

    private static IEnumerable<(string Path, JsonObject Object)> Objects(JsonObject root) =>
        Nodes(root, "").Where(n => n.Node is JsonObject).Select(n => (n.Path, (JsonObject)n.Node!));

    /// <summary>Writes the JSON itself so that <paramref name="extra"/> can add properties a JsonObject cannot hold (duplicates).</summary>
    private static byte[] Write(JsonNode root, Action<string, Utf8JsonWriter> extra)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            WriteNode(root, "", w, extra);
        return buffer.ToArray();
    }

    private static void WriteNode(JsonNode? node, string path, Utf8JsonWriter w, Action<string, Utf8JsonWriter> extra)
    {
        switch (node)
        {
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (k, v) in o) { w.WritePropertyName(k); WriteNode(v, path.Length == 0 ? k : $"{path}.{k}", w, extra); }
                extra(path, w);
                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                for (var i = 0; i < a.Count; i++) WriteNode(a[i], $"{path}[{i}]", w, extra);
                w.WriteEndArray();
                break;
            case null: w.WriteNullValue(); break;
            default: node.WriteTo(w); break;
        }
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Relaxed));

    /// <summary>The real value of parameter <paramref name="name"/> in the target's path.</summary>
    private static string Segment(string realPath, FuzzRoute route, string name)
    {
        var template = route.Path(p => "{" + p.Name + "}").Split('/');
        var real = realPath.Split('/');
        var i = Array.IndexOf(template, "{" + name + "}");
        return i >= 0 && i < real.Length ? real[i] : "x";
    }
}
