namespace Gongjian.Domain.Workflow;

/// <summary>How a rejection should be read: bad input, the wrong person, or the wrong moment.</summary>
public enum RejectionKind { Invalid, Forbidden, Conflict }

/// <summary>Why a command was refused: a stable code for machines and a Chinese sentence for people.</summary>
public sealed record Rejection(string Code, RejectionKind Kind, string Message);
