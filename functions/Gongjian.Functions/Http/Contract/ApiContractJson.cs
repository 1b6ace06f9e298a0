using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Gongjian.Bot.Activities;
using Gongjian.Bot.DirectLine;
using Gongjian.Functions.BotDesk;

namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// The JSON contexts the app really reads and writes bodies with. The published schemas and examples
/// are checked against (and shaped by) these, not by ASP.NET's reflection defaults.
/// </summary>
public static class ApiContractJson
{
    private static readonly JsonSerializerContext[] Contexts = [ApiJson.Web, BotDeskJson.Web, ActivityJson.Default, DirectLineJson.Default,
        Projects.ProjectApiJson.Web,
        Records.RecordsJson.Web, Needs.NeedApiJson.Web, Resources.ResourceApiJson.Web,
        People.PeopleApiJson.Web,
        Activities.ActivityApiJson.Web,
        Bookings.BookingApiJson.Web,
        Indicators.IndicatorJson.Web,
        Grids.GridApiJson.Web, GridReports.GridReportApiJson.Web, Deliberations.DeliberationApiJson.Web, Scorecards.ScorecardJson.Web];

    /// <summary>The app's own metadata for <paramref name="type"/>, or null when no body of the API has that type.</summary>
    public static JsonTypeInfo? Find(Type type) =>
        Contexts.Select(c => c.GetTypeInfo(type)).FirstOrDefault(t => t is not null);

    /// <summary>An example, serialized exactly as the app would write or read it.</summary>
    public static JsonNode? ToNode<T>(T example) where T : notnull =>
        JsonSerializer.SerializeToNode(example, Find(typeof(T)) ?? throw new InvalidOperationException($"No API JSON context knows {typeof(T).Name}."));

    /// <summary>
    /// Describes every type as strict as the app's own options: the schema generator uses ASP.NET's
    /// global JSON options, which no handler writes with, so they mirror <see cref="ApiJson"/>.
    /// </summary>
    public static void MirrorApiJson(JsonSerializerOptions options)
    {
        var api = ApiJson.Web.Options;
        options.PropertyNamingPolicy = api.PropertyNamingPolicy;
        options.NumberHandling = api.NumberHandling;
        options.RespectNullableAnnotations = api.RespectNullableAnnotations;
        options.RespectRequiredConstructorParameters = api.RespectRequiredConstructorParameters;
        options.DefaultIgnoreCondition = api.DefaultIgnoreCondition;
        // The app's own source-generated metadata first: under Native AOT the reflection fallback has no code for them.
        foreach (var context in Contexts.Reverse()) options.TypeInfoResolverChain.Insert(0, context);
    }
}
