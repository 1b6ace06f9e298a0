using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>
/// Renders the public pages' Razor components to HTML with the framework's <see cref="HtmlRenderer"/>:
/// every text and attribute a component writes is HTML-encoded by the renderer, so a story holding
/// <c>&lt;script&gt;</c> is shown as text. Its own small container: the pages need nothing from the app's.
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        // Chinese stays as characters (the default encoder writes every one as &#x…;); markup characters are still encoded.
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .AddLogging()
        .BuildServiceProvider();

    // TPage's constructor and [Parameter] properties are reached by reflection: kept when trimmed (Native AOT).
    public async Task<string> RenderAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage>(Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    public async Task<IResult> PageAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage>(
        Dictionary<string, object?> parameters, string cacheControl) where TPage : IComponent =>
        new HtmlPageResult(await RenderAsync<TPage>(parameters), StatusCodes.Status200OK, cacheControl);

    /// <summary>A 404 as a page people can read; cached briefly (a showcase published a minute later is found then).</summary>
    public async Task<IResult> MissingAsync(string heading, string message, string? streetName = null, string? backHref = null, string? backText = null) =>
        new HtmlPageResult(await RenderAsync<MissingPage>(new()
        {
            [nameof(MissingPage.Heading)] = heading, [nameof(MissingPage.Message)] = message,
            [nameof(MissingPage.StreetName)] = streetName, [nameof(MissingPage.BackHref)] = backHref, [nameof(MissingPage.BackText)] = backText,
        }), StatusCodes.Status404NotFound, "public, max-age=60");

    /// <summary>A withdrawn showcase: 410, worded for a resident who followed an old link.</summary>
    public async Task<IResult> GoneAsync(string heading, string message, string? streetName, string? backHref, string? backText) =>
        new HtmlPageResult(await RenderAsync<MissingPage>(new()
        {
            [nameof(MissingPage.Heading)] = heading, [nameof(MissingPage.Message)] = message,
            [nameof(MissingPage.StreetName)] = streetName, [nameof(MissingPage.BackHref)] = backHref, [nameof(MissingPage.BackText)] = backText,
        }), StatusCodes.Status410Gone, "public, max-age=60");

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
