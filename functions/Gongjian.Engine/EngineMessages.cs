using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>A message the outbox owes a queue. <see cref="Id"/> is stable, so consumers can dedupe re-sends.</summary>
public sealed record OutboxMessage(string Queue, string Id, string Body, DateTimeOffset VisibleAt);

/// <summary>
/// One committed event, handed to the module's notifier by the relay (and kept in the outbox row until
/// it was). No personal data: the module's
/// <see cref="Module{TState,TCommand,TEvent}.Facts"/> are written as top-level fields beside the
/// engine's own (<c>status</c>, <c>communityId</c>, …); consumers that need more load the instance.
/// </summary>
public sealed record EventMessage
{
    public required string Id { get; init; }
    public string InstanceId { get; init; } = "";
    public required int Sequence { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? CorrelationId { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement> Facts { get; set; } = [];

    public string? Fact(string name) => Facts.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// A durable timer on the module's timer queue: becomes visible at <see cref="FireAt"/> (in hops of at
/// most 7 days). It names the step and when the step started, so it does nothing if the instance moved on.
/// </summary>
public sealed record TimerMessage
{
    public required string Id { get; init; }
    public string InstanceId { get; init; } = "";
    /// <summary>Timers queued before the engine served more than orders name their instance <c>orderId</c>.</summary>
    [JsonInclude, JsonPropertyName("orderId")]
    internal string? LegacyOrderId { get => null; init { if (value is not null) InstanceId = value; } }
    /// <summary>The module's step; null for an <see cref="TimerStage.Erase"/> timer.</summary>
    public string? Step { get; init; }
    public required TimerStage Stage { get; init; }
    public required DateTimeOffset StepStartedAt { get; init; }
    public required DateTimeOffset FireAt { get; init; }
    public string? CorrelationId { get; init; }

    public TimerSpec Spec => new(Step, Stage, StepStartedAt, FireAt);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMessage))]
[JsonSerializable(typeof(TimerMessage))]
[JsonSerializable(typeof(List<OutboxMessage>))]
[JsonSerializable(typeof(List<EventMessage>))]
[JsonSerializable(typeof(string))]
public sealed partial class EngineJson : JsonSerializerContext;
