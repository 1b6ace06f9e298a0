namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// The body of every refusal (RFC 9457 problem details plus <c>code</c> and <c>field</c>). Written by
/// <see cref="ProblemWriter"/> and published as the problem schema, so the two cannot drift apart.
/// </summary>
public sealed record ProblemView(string Type, string Title, int Status, string? Detail, string Code, string? Field, string TraceId);
