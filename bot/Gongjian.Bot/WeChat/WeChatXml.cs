using System.Text;
using System.Xml;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// WeChat's flat XML (<c>&lt;xml&gt;&lt;Name&gt;&lt;![CDATA[…]]&gt;&lt;/Name&gt;…&lt;/xml&gt;</c>), read safely: no DTD
/// (refused, so no entity expansion), no resolver, bounded size and depth. Nested elements (event details)
/// are kept under their path, e.g. <c>SendLocationInfo/Label</c>; a name given twice is refused.
/// </summary>
public static class WeChatXml
{
    public const int MaxChars = 64 * 1024;

    /// <summary>The fields, or null when the text is not such a document (malformed, a DTD, another root, a repeated field).</summary>
    public static Dictionary<string, string>? Read(string xml)
    {
        if (xml.Length > MaxChars) return null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxChars,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.Name != "xml") return null;
            if (reader.IsEmptyElement) return fields;
            // Open elements, each with whether it holds elements (a container) or text (a field).
            var open = new List<(string Name, bool Container)>();
            var text = new StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (open.Count >= 4) return null;
                        if (open.Count > 0) open[^1] = (open[^1].Name, true);
                        open.Add((reader.Name, false));
                        text.Clear();
                        if (reader.IsEmptyElement)
                        {
                            if (!fields.TryAdd(Path(open), "")) return null;
                            open.RemoveAt(open.Count - 1);
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when open.Count > 0:
                        if (!open[^1].Container && !fields.TryAdd(Path(open), text.ToString())) return null;
                        open.RemoveAt(open.Count - 1);
                        text.Clear();
                        break;
                }
            }
        }
        catch (XmlException) { return null; }
        return fields;
    }

    private static string Path(List<(string Name, bool Container)> open) => string.Join('/', open.Select(e => e.Name));

    /// <summary>An <c>&lt;xml&gt;</c> document of the fields, text in CDATA (a <c>]]&gt;</c> inside is split across sections), numbers bare.</summary>
    public static string Write(IEnumerable<(string Name, string Value, bool Cdata)> fields)
    {
        var sb = new StringBuilder("<xml>");
        foreach (var (name, value, cdata) in fields)
        {
            sb.Append('<').Append(name).Append('>');
            if (cdata) sb.Append("<![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>")).Append("]]>");
            else sb.Append(System.Security.SecurityElement.Escape(value));
            sb.Append("</").Append(name).Append('>');
        }
        return sb.Append("</xml>").ToString();
    }
}
