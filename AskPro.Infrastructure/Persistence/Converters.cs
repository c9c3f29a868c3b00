using AskPro.Core.Shared;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Instants are stored as UTC; reading them back marks them UTC again (SQLite forgets).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

internal sealed class E164NumberConverter() : ValueConverter<E164Number, string>(
    v => v.Value,
    v => E164Number.FromStorage(v));

internal sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Cents, v => new Money(v));
