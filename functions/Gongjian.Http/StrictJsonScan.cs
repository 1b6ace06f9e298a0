using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Gongjian.Http;

/// <summary>
/// One pass over JSON text before it is deserialized. Refused, each with its own code and, where a
/// field is at fault, its path (<c>contact.name</c>, <c>photos[1]</c>): broken JSON, text that is not
/// UTF-8 (<c>invalid_encoding</c>), a lone UTF-16 surrogate written as an escape
/// (<c>invalid_unicode</c>), a name given twice in one object, compared case-insensitively as the
/// deserializers match them (<c>duplicate_field</c>), nesting deeper than the route allows
/// (<c>too_deep</c>), and control characters in any string other than tab, line feed and carriage
/// return (<c>control_character</c>) — a NUL in an address is never what a person meant.
/// </summary>
public static class StrictJsonScan
{
    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public HashSet<string>? Names { get; set; }
        public string? Name { get; set; }
        public int Index { get; set; } = -1;
    }

    public static void Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            var any = false;
            while (reader.Read())
            {
                any = true;
                var token = reader.TokenType;
                if (token is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName) && frames.Count > 0 && frames[^1].IsArray)
                    frames[^1].Index++;
                switch (token)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth + 1 > maxDepth)
                            throw HttpProblem.Invalid("too_deep", $"请求内容嵌套层数过多（最多 {maxDepth} 层）。", TopField(frames));
                        frames.Add(new Frame(token == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Name = null; // the name's own problems are reported under the parent's path
                        var name = Text(ref reader, frames);
                        frame.Names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        frame.Name = name;
                        if (!frame.Names.Add(name))
                            throw HttpProblem.Invalid("duplicate_field", $"{Subject(Path(frames))}重复出现。", Path(frames));
                        break;
                    case JsonTokenType.String:
                        Text(ref reader, frames);
                        break;
                }
            }
            if (!any) throw HttpProblem.Invalid("invalid_json", "请求内容不是有效的 JSON。");
        }
        catch (JsonException e)
        {
            // The reader stops at bytes that are not UTF-8 outside strings too: say which it was.
            if (!Utf8.IsValid(json)) throw InvalidEncoding(null);
            throw HttpProblem.Invalid("invalid_json", "请求内容不是有效的 JSON。", null,
                $"第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字符附近有误。");
        }
    }

    /// <summary>A string token (value or name), checked; its text is decoded only when needed.</summary>
    private static string Text(ref Utf8JsonReader reader, List<Frame> frames)
    {
        var raw = reader.ValueSpan;
        var isName = reader.TokenType == JsonTokenType.PropertyName;
        if (!Utf8.IsValid(raw)) throw InvalidEncoding(FieldOf(frames, isName, raw));
        if (!reader.ValueIsEscaped)
        {
            // Raw bytes below 0x20 are already invalid JSON; DEL and the C1 controls (U+0080–U+009F, C2 80–C2 9F) are not.
            if (HasRawControl(raw)) throw ControlCharacter(FieldOf(frames, isName, raw));
            return isName ? Encoding.UTF8.GetString(raw) : "";
        }
        string text;
        try { text = reader.GetString()!; }
        catch (InvalidOperationException) { throw InvalidUnicode(FieldOf(frames, isName, raw)); }
        if (HasLoneSurrogate(text)) throw InvalidUnicode(FieldOf(frames, isName, raw));
        if (TextRules.HasControl(text)) throw ControlCharacter(FieldOf(frames, isName, raw));
        return text;
    }

    private static string? FieldOf(List<Frame> frames, bool isName, ReadOnlySpan<byte> raw) =>
        isName ? Join(Path(frames), Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : "?") : Path(frames);

    private static bool HasRawControl(ReadOnlySpan<byte> raw)
    {
        if (raw.Contains((byte)0x7F)) return true;
        for (var i = raw.IndexOf((byte)0xC2); i >= 0 && i + 1 < raw.Length; )
        {
            if (raw[i + 1] is >= 0x80 and <= 0x9F) return true;
            var next = raw[(i + 1)..].IndexOf((byte)0xC2);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    /// <summary>The path of the current value: <c>contact.name</c>, <c>photos[1]</c>; null at the top.</summary>
    private static string? Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var f in frames)
        {
            if (f.IsArray) { if (f.Index >= 0) path.Append('[').Append(f.Index).Append(']'); }
            else if (f.Name is not null) path.Append(path.Length > 0 ? "." : "").Append(f.Name);
        }
        return path.Length > 0 ? path.ToString() : null;
    }

    /// <summary>The top-level field a deep value hangs from (its full path would be thousands of "[0]").</summary>
    private static string? TopField(List<Frame> frames) => frames is [{ IsArray: false, Name: { } name }, ..] ? name : null;

    private static string Join(string? parent, string name) => parent is null ? name : $"{parent}.{name}";

    private static string Subject(string? field) => field is null ? "请求内容" : $"字段 {field} ";

    private static HttpProblem InvalidEncoding(string? field) =>
        HttpProblem.Invalid("invalid_encoding", $"{Subject(field)}不是有效的 UTF-8 文本。", field);

    private static HttpProblem InvalidUnicode(string? field) =>
        HttpProblem.Invalid("invalid_unicode", $"{Subject(field)}含有无效的 Unicode 字符（单独的代理项）。", field);

    private static HttpProblem ControlCharacter(string? field) =>
        HttpProblem.Invalid("control_character", $"{Subject(field)}含有不允许的控制字符（如 NUL）。", field);
}
