using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;

namespace Gongjian.Functions.Scorecards;

/// <summary>A new version of a year's scheme (the street: the organizer's own, or <c>street</c> for an admin).</summary>
public sealed record SchemeRequest(int Year, double Total, IReadOnlyList<SchemeItem> Items, GradeThresholds Grades, ManualPart? Manual = null, string? Street = null);

/// <summary>The manual points (e.g. 居民代表评议) of one unit for a year.</summary>
public sealed record ManualScoreRequest(int Year, string UnitId, double Score);

public sealed record PublishRequest(int Year, string? Street = null);

public sealed record SchemeVersionInfo(int Version, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A street's scheme for a year: the current version, the earlier ones, whether (and with which version) the year was published, and what can be scored.</summary>
public sealed record SchemesView(string StreetId, int Year, EvaluationScheme? Current, IReadOnlyList<SchemeVersionInfo> Versions, int? PublishedVersion,
    IReadOnlyList<IndicatorDefinition> Indicators);

public sealed record ManualScoreView(string StreetId, int Year, string UnitId, double Score, DateTimeOffset At);

/// <summary>
/// A year's scorecard: a draft computed now with the current scheme, or the published one frozen with the scheme
/// version it was scored with. Lines rank within the street; a liaison gets its own line (its rank among all).
/// </summary>
public sealed record ScorecardView(string StreetId, int Year, string Status, int SchemeVersion, EvaluationScheme Scheme, DateTimeOffset AsOf,
    DateTimeOffset? PublishedAt, string? PublishedBy, IReadOnlyList<UnitScore> Lines, int UnitsInStreet, IReadOnlyList<IndicatorDefinition> Indicators);

/// <summary>One record or order behind a unit's indicator, and what it adds (a count 1, hours, or for a rate 1 in time / 0 not).</summary>
public sealed record TraceItem(string SourceId, string Kind, string KindText, string Title, DateTimeOffset At, double Value);

/// <summary>Why a unit has its value of an indicator in a year: the records (or dispatches) that made it.</summary>
public sealed record TraceView(string StreetId, int Year, string UnitId, string UnitName, string Indicator, string IndicatorName, string Definition,
    double? Value, IReadOnlyList<TraceItem> Items);

/// <summary>One export of the evaluation: what, which period and scope, in which format, by whom (name and role) and when.</summary>
public sealed record ExportRecordView(string What, string WhatText, string Period, string PeriodText, string Format, string? UnitId, string? UnitName, string? CommunityId,
    string? CommunityName, string Role, string RoleName, string By, string FileName, DateTimeOffset At);

/// <summary>A street's evaluation exports, newest first.</summary>
public sealed record ExportRecordsView(string StreetId, IReadOnlyList<ExportRecordView> Items);
