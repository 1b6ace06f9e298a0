namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the 议事 module: a resident raises a topic for their community (as
/// <c>POST /api/deliberations/public</c>) and follows it with the tracking code it gave.
/// </summary>
public interface IDeliberationDesk
{
    Task<DeskResult<RaisedTopic>> RaiseAsync(TopicRaise raise, CancellationToken ct);

    Task<DeskResult<TopicProgress>> ProgressAsync(string deliberationId, string code, CancellationToken ct);
}

/// <param name="Text">The resident's words: the first sentence (up to 60 characters) is the topic's title, the whole its description.</param>
public sealed record TopicRaise(string CommunityId, string Text, string Name, string Phone, string DraftId);

public sealed record RaisedTopic(string DeliberationId, string Code, string Title);

/// <param name="StepName">提, 审, 议, 办 or 评.</param>
public sealed record TopicProgress(string DeliberationId, string Title, string StatusName, string StepName, string Message);
