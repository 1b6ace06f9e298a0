using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Functions.Indicators;

namespace Gongjian.Functions.Scorecards;

/// <summary>The bodies of the module indicators and 年度评议 APIs, and the stored schemes and published scorecards.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ModuleIndicatorsView))]
[JsonSerializable(typeof(Domain.Evaluation.EvaluationScheme))]
[JsonSerializable(typeof(SchemeRequest))]
[JsonSerializable(typeof(ManualScoreRequest))]
[JsonSerializable(typeof(PublishRequest))]
[JsonSerializable(typeof(SchemesView))]
[JsonSerializable(typeof(ManualScoreView))]
[JsonSerializable(typeof(ScorecardView))]
[JsonSerializable(typeof(TraceView))]
[JsonSerializable(typeof(ExportRecordsView))]
public sealed partial class ScorecardJson : JsonSerializerContext
{
    public static ScorecardJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ScorecardJson? s_web;
}
