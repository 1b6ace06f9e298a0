namespace Gongjian.Domain.Workflow;

/// <summary>
/// Who did what, when and why: what the engine stores beside every event so that any module's
/// timeline and audit can be read without knowing its events. <see cref="Why"/> is free text a
/// person wrote (a reason, a note) and may hold personal data: readers redact it as they show it.
/// </summary>
public sealed record AuditEntry(string What, DateTimeOffset At, string ByRole, string ById, string? Why);
