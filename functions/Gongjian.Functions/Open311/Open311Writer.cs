using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Gongjian.Functions.Open311;

/// <summary>Writes an <see cref="Open311Document"/> as UTF-8 JSON (<c>application/json</c>) or XML (<c>text/xml</c>, with its declaration).</summary>
public static class Open311Writer
{
    public static IResult Result(Open311Format format, Open311Document document, int status = StatusCodes.Status200OK) =>
        new Open311Result(format, document, status);

    /// <summary>Date-times in Beijing time with their offset (ISO 8601, as GeoReport v2 requires): 2026-12-05T09:30:00+08:00.</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static byte[] ToBytes(Open311Format format, Open311Document document)
    {
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            WriteJson(json, document.Body);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument();
            WriteXml(xml, document.RootTag, document.Body);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311Object o:
                json.WriteStartObject();
                foreach (var (name, child) in o.Fields) { json.WritePropertyName(name); WriteJson(json, child); }
                json.WriteEndObject();
                break;
            case Open311List l:
                json.WriteStartArray();
                foreach (var item in l.Items) WriteJson(json, item);
                json.WriteEndArray();
                break;
            case Open311Value { Value: null }: json.WriteNullValue(); break;
            case Open311Value { Value: bool b }: json.WriteBooleanValue(b); break;
            case Open311Value { Value: int i }: json.WriteNumberValue(i); break;
            case Open311Value { Value: DateTimeOffset at }: json.WriteStringValue(DateTime(at)); break;
            case Open311Value v: json.WriteStringValue(Convert.ToString(v.Value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteXml(XmlWriter xml, string tag, Open311Node node)
    {
        xml.WriteStartElement(tag);
        switch (node)
        {
            case Open311Object o:
                foreach (var (name, child) in o.Fields) WriteXml(xml, name, child);
                break;
            case Open311List l:
                foreach (var item in l.Items) WriteXml(xml, l.ItemTag, item);
                break;
            case Open311Value { Value: null }: break;
            case Open311Value { Value: bool b }: xml.WriteString(b ? "true" : "false"); break;
            case Open311Value { Value: DateTimeOffset at }: xml.WriteString(DateTime(at)); break;
            case Open311Value v: xml.WriteString(XmlText(Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "")); break;
        }
        xml.WriteEndElement();
    }

    /// <summary>
    /// Drops what XML 1.0 cannot carry (control characters, lone surrogates): a name someone typed with
    /// one must not turn a whole list into a failed request. JSON escapes them (a lone surrogate becomes U+FFFD).
    /// </summary>
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    private sealed class Open311Result(Open311Format format, Open311Document document, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var bytes = ToBytes(format, document);
            context.Response.StatusCode = status;
            context.Response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
