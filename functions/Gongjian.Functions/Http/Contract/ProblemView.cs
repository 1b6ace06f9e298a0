namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// The body of every refusal (RFC 9457 problem details plus <c>code</c> and <c>field</c>) as the
/// OpenAPI document publishes it. <c>Gongjian.Http.ProblemJson</c> writes it for the API and the bot;
/// <c>ContractCycleTests</c> checks real refusals against this schema, so the two cannot drift apart.
/// </summary>
public sealed record ProblemView(string Type, string Title, int Status, string? Detail, string Code, string? Field, string TraceId);
