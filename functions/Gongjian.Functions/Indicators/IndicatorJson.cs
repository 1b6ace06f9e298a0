using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Evaluation;

namespace Gongjian.Functions.Indicators;

/// <summary>An indicator's value in an answer: null when its base is empty (shown as “—”).</summary>
public sealed record IndicatorValue(string Code, string Name, double? Value);

/// <summary>One unit's order indicators over the period, with the counts the rates are made of.</summary>
public sealed record UnitIndicators(string UnitId, string UnitName, IReadOnlyList<IndicatorValue> Values, int Received, int ResponseDue, int CompletionDue, int Rated);

/// <summary>An indicator's definition, as the code and docs/INDICATORS.md state it.</summary>
public sealed record IndicatorDefinition(string Code, string Name, string Unit, string Definition);

public sealed record OrderIndicatorsView(string StreetId, string Period, string PeriodName, DateTimeOffset AsOf, UnitIndicators Total,
    IReadOnlyList<UnitIndicators> Units, IReadOnlyList<IndicatorDefinition> Definitions, IReadOnlyList<CategoryCount> Categories);

/// <summary>Dispatches received in a service category over the period (all the units the caller sees), most first.</summary>
public sealed record CategoryCount(string Category, string Name, int Received);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(OrderIndicatorsView))]
[JsonSerializable(typeof(DispatchEpisode))]
[JsonSerializable(typeof(OrderTally))]
public sealed partial class IndicatorJson : JsonSerializerContext
{
    public static IndicatorJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static IndicatorJson? s_web;
}
