namespace Gongjian.Bot.Conversations;

/// <summary>The community a resident lives in, as they chose it.</summary>
public sealed record HomeCommunity(string Id, string Name);

/// <summary>The name and phone a resident gave for 报名 or 预约 (personal data).</summary>
public sealed record PersonContact(string Name, string Phone);

/// <summary>An activity registered here: the person's key (the module's hash of the phone) and the code to cancel with.</summary>
public sealed record ResidentRegistration(string ActivityId, string Title, string PersonKey, string Code);

/// <summary>A booking made here, with the code to cancel it.</summary>
public sealed record ResidentBooking(string ResourceId, string BookingId, string Title, DateOnly Day, string Start, string End, string Code);

/// <summary>A 双报到 made here: the person's record number and code.</summary>
public sealed record ReportedHere(string PersonId, string Code, string CommunityName, string Kind);
