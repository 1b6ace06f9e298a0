using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// Makes each object schema say what the app's serializer really does with that type: the same
/// property names (a mismatch fails the document, so it is caught by any test that reads it),
/// <c>required</c> for every property the app always writes or insists on reading, and
/// <c>additionalProperties: false</c> where unknown fields are refused.
/// </summary>
public static class StrictSchemas
{
    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        // Called for the type's own schema and again where a property holds it (then JsonPropertyInfo is set): both are the object's schema.
        if (context.JsonTypeInfo.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 })
            return Task.CompletedTask;
        var real = ApiContractJson.Find(context.JsonTypeInfo.Type);
        if (real is null) return Task.CompletedTask;

        var names = real.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var published = (schema.Properties?.Keys ?? []).ToHashSet(StringComparer.Ordinal);
        if (!names.SetEquals(published))
            throw new InvalidOperationException(
                $"The schema of {real.Type.Name} names [{string.Join(", ", published.Order())}] but the API's JSON has [{string.Join(", ", names.Order())}].");

        // Required = not nullable. Written, such a property is always there (only nulls are left out); read, every
        // non-nullable property of a request type is a C# `required` member, which the strict reader insists on.
        // (IsRequired alone would be wrong for answers: positional records make nullable parameters "required" too.)
        var required = real.Properties.Where(p => !p.IsGetNullable && p.Get is not null).Select(p => p.Name).ToList();
        schema.Required = required.Count == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal);
        var lenient = IsLenient(real);
        schema.AdditionalPropertiesAllowed = lenient;
        if (lenient) schema.AdditionalProperties = null;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Activities (and a Direct Line start) come from channels and clients that add fields freely, so
    /// the app ignores unknown ones there; everything else it reads refuses them, and what it writes has none.
    /// </summary>
    private static bool IsLenient(System.Text.Json.Serialization.Metadata.JsonTypeInfo real) =>
        real.Type.Namespace == typeof(Gongjian.Bot.Activities.Activity).Namespace
        || real.Type == typeof(Gongjian.Bot.DirectLine.DirectLineStart) || real.Type == typeof(Gongjian.Bot.DirectLine.DirectLineUser);
}
