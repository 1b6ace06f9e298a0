using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Projects;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Observability;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Projects;

/// <summary>How projects and their events are written into table rows. The domain knows nothing of JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProjectState))]
[JsonSerializable(typeof(ProjectDrafted))]
[JsonSerializable(typeof(ProjectPublished))]
[JsonSerializable(typeof(ProjectClaimed))]
[JsonSerializable(typeof(ClaimApproved))]
[JsonSerializable(typeof(ClaimDeclined))]
[JsonSerializable(typeof(ProjectStarted))]
[JsonSerializable(typeof(MilestoneReported))]
[JsonSerializable(typeof(MilestoneEscalated))]
[JsonSerializable(typeof(ProjectClosed))]
[JsonSerializable(typeof(ProjectCancelled))]
internal sealed partial class ProjectJson : JsonSerializerContext
{
    public static string SerializeEvent(ProjectEvent e) => JsonSerializer.Serialize(e, e.GetType(), Default);

    public static ProjectEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(ProjectDrafted) => Default.ProjectDrafted,
            nameof(ProjectPublished) => Default.ProjectPublished,
            nameof(ProjectClaimed) => Default.ProjectClaimed,
            nameof(ClaimApproved) => Default.ClaimApproved,
            nameof(ClaimDeclined) => Default.ClaimDeclined,
            nameof(ProjectStarted) => Default.ProjectStarted,
            nameof(MilestoneReported) => Default.MilestoneReported,
            nameof(MilestoneEscalated) => Default.MilestoneEscalated,
            nameof(ProjectClosed) => Default.ProjectClosed,
            nameof(ProjectCancelled) => Default.ProjectCancelled,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown project event type '{type}'.");
        return (ProjectEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty project event of type '{type}'."));
    }
}

/// <summary>Where the engine keeps projects (项目清单): table <c>projects</c>, lists in <c>projectindex</c>, queue <c>project-timers</c>.</summary>
public sealed class ProjectStorage : ModuleStorage<ProjectState, ProjectEvent>
{
    public override string Table => TableNames.Projects;
    public override string ListTable => TableNames.ProjectIndex;
    public override string TimerQueue => QueueNames.ProjectTimers;
    public override string BlobContainer => ContainerNames.Photos;

    public override string SerializeState(ProjectState state) => JsonSerializer.Serialize(state, ProjectJson.Default.ProjectState);
    public override ProjectState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, ProjectJson.Default.ProjectState) ?? throw new InvalidDataException("Empty project state.");
    public override string EventType(ProjectEvent e) => e.GetType().Name;
    public override string SerializeEvent(ProjectEvent e) => ProjectJson.SerializeEvent(e);
    public override ProjectEvent DeserializeEvent(string type, string json) => ProjectJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(ProjectState state) =>
        [new("Status", state.Status.Code()), new("StreetId", state.StreetId)];
}

/// <summary>The engine's event store for projects: all behaviour is the engine's and <see cref="ProjectModule"/>'s.</summary>
public sealed class ProjectStore(
    ProjectModule module, ProjectStorage codec, IEngineStorage storage, Relay<ProjectState, ProjectCommand, ProjectEvent> relay, TimeProvider clock,
    ILogger<ProjectStore> log, ICommandObserver<ProjectState, ProjectCommand, ProjectEvent> observer)
    : EventStore<ProjectState, ProjectCommand, ProjectEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>One span per project command: the project id, the command's type and the outcome code — never its texts.</summary>
public sealed class ProjectObserver : ICommandObserver<ProjectState, ProjectCommand, ProjectEvent>
{
    public ICommandScope<ProjectState, ProjectEvent> Start(string id, ProjectCommand command)
    {
        var activity = Telemetry.Source.StartActivity("project " + command.GetType().Name);
        activity?.SetTag("project.id", id);
        activity?.SetTag("project.command", command.GetType().Name);
        return new Scope(activity);
    }

    private sealed class Scope(Activity? activity) : ICommandScope<ProjectState, ProjectEvent>
    {
        public void Done(Outcome<ProjectState, ProjectEvent> outcome) =>
            activity?.SetTag("project.outcome", outcome.Rejection?.Code ?? (outcome.Replayed ? "replayed" : "applied"));

        public void Dispose() => activity?.Dispose();
    }
}
