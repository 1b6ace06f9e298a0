using Gongjian.Functions.Http;
using Microsoft.Extensions.Primitives;

namespace Gongjian.Functions.Open311;

/// <summary>
/// The parameters of <c>POST requests</c>: the form body (<c>application/x-www-form-urlencoded</c>, as
/// GeoReport v2 sends it) and the query string, so <c>api_key</c> may be in either. A parameter sent
/// twice is refused rather than one of its values guessed.
/// </summary>
public sealed class Open311Form
{
    private readonly Dictionary<string, string> _values;

    private Open311Form(Dictionary<string, string> values) => _values = values;

    public IEnumerable<string> Names => _values.Keys;

    public string? this[string name] => _values.TryGetValue(name, out var v) && v.Trim().Length > 0 ? v.Trim() : null;

    public static async Task<Open311Form> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
            throw ApiProblem.BadRequest("form_required", "请以 application/x-www-form-urlencoded 表单提交。");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ApiProblem.TooLarge("request_too_large", "请求内容过大。");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            throw ApiProblem.BadRequest("malformed_form", "表单格式不正确。");
        }
        if (form.Files.Count > 0)
            throw ApiProblem.BadRequest("media_not_supported", "暂不支持上传照片，请只提交文字；居民可在聊天中补充照片。");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form.Concat(context.Request.Query))
            Add(values, name, value);
        return new Open311Form(values);
    }

    private static void Add(Dictionary<string, string> values, string name, StringValues value)
    {
        if (value.Count > 1 || !values.TryAdd(name, value.ToString()))
            throw ApiProblem.BadRequest("duplicate_parameter", $"参数 {Printable(name)} 只能提交一次。");
    }

    /// <summary>A parameter name fit to quote back in an error: short and without control characters.</summary>
    public static string Printable(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(40).ToArray());
        return clean.Length == 0 ? "（空）" : clean;
    }
}
