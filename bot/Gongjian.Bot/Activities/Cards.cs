namespace Gongjian.Bot.Activities;

/// <summary>A hero card: a title, some text and buttons. Rendered by Web Chat, Teams and most channels.</summary>
public sealed record HeroCard(string Title, string? Subtitle, string Text, IReadOnlyList<CardAction> Buttons)
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = this };
}

/// <summary>What a card button sends back in <see cref="Activity.Value"/>: an action on an order.</summary>
public sealed record CardActionData(string Action, string OrderId);

public static class Buttons
{
    /// <summary>A button that posts its title as the user's own words: works on every channel.</summary>
    public static CardAction ImBack(string title) => new() { Type = "imBack", Title = title, Value = title };

    /// <summary>
    /// A button that posts <paramref name="text"/> with structured data; channels without messageBack
    /// still deliver the text, which the bot understands on its own.
    /// </summary>
    public static CardAction MessageBack(string title, string text, CardActionData data) =>
        new() { Type = "messageBack", Title = title, Text = text, DisplayText = title, Value = data };

    public static SuggestedActions Suggest(params IEnumerable<string> titles) => new([.. titles.Select(ImBack)]);
}
