using System.Data.Common;
using System.Globalization;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hall.QueueService.Appointments;

/// <summary>
/// Books and cancels appointments. A booking raises its slot's counter with a conditional update
/// (<c>booked &lt; capacity</c>) and inserts the booking in the same write transaction, so the slot is never overbooked:
/// SQLite writers queue on <see cref="QueueDatabase"/>'s lock, and on PostgreSQL the counter row's lock orders racing bookings.
/// </summary>
public sealed class AppointmentBook(QueueDatabase database, HallCatalogHolder hall, HallSecrets secrets, TimeProvider time)
{
    public IReadOnlyList<AppointmentServiceInfo> Services()
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        return catalog.Services.Where(s => s.Appointments is not null)
            .Select(s => new AppointmentServiceInfo(s.Id, s.Name, s.NameEn, s.Prefix, s.Appointments!.SlotMinutes, s.Appointments.HorizonDays,
                s.Appointments.CheckInBeforeMinutes, s.Appointments.CheckInAfterMinutes, AppointmentSchedule.BookableDates(catalog, s.Appointments, now)))
            .ToList();
    }

    public async Task<IReadOnlyList<AppointmentSlot>> ListSlotsAsync(int? serviceId, string? date, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var (service, settings) = ServiceWithAppointments(catalog, serviceId);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw QueueProblems.InvalidDate("date", date);
        }
        var slots = AppointmentSchedule.Slots(catalog, service, settings, day);
        if (slots.Count == 0)
        {
            return [];
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var booked = (await connection.QueryAsync<(long SlotStart, int Booked)>(
                "SELECT slot_start, booked FROM appointment_slots WHERE hall_id = @hall AND service_id = @service AND slot_start >= @from AND slot_start < @to",
                new { hall = catalog.HallId, service = service.Id, from = slots[0].Start.ToUnixMs(), to = slots[^1].End.ToUnixMs() }))
            .ToDictionary(r => r.SlotStart, r => r.Booked);
        var now = time.GetUtcNow();
        var reopening = await SlotReopening.DueAsync(connection, catalog.HallId, service.Id, slots[0].Start.ToUnixMs(), slots[^1].End.ToUnixMs(), now);
        return slots.Select(s =>
        {
            var start = s.Start.ToUnixMs();
            var remaining = Math.Max(0, settings.CapacityPerSlot - booked.GetValueOrDefault(start) + reopening.GetValueOrDefault(start));
            return new AppointmentSlot(catalog.ToOffset(s.Start), catalog.ToOffset(s.End), settings.CapacityPerSlot, remaining,
                remaining > 0 && AppointmentSchedule.IsBookable(catalog, settings, s.Start, now));
        }).ToList();
    }

    public async Task<AppointmentView> BookAsync(BookAppointmentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var (service, settings) = ServiceWithAppointments(catalog, request.ServiceId);
        if (request.SlotStart is not { } requestedStart)
        {
            throw QueueProblems.SlotStartRequired();
        }
        Security.FieldLimits.Check(request.Name, "name", 200);
        Security.FieldLimits.Check(request.Phone, "phone", 40);
        Security.FieldLimits.Check(request.IdNumber, "idNumber", 40);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 40)
        {
            throw QueueProblems.NameRequired();
        }
        var phone = PhoneNumbers.Checked(request.Phone ?? "");
        if (request.SmsConsent == true && !Notify.ConsentedPhone.IsMobile(phone))
        {
            throw QueueProblems.InvalidMobilePhone();   // a landline books, but takes no text messages
        }
        var (idHash, idMasked) = secrets.ProtectIdNumber(request.IdNumber);

        var slot = AppointmentSchedule.Find(catalog, service, settings, requestedStart)
            ?? throw QueueProblems.NoSuchSlot(service.Name, Local(catalog, requestedStart));
        var now = time.GetUtcNow();
        if (!AppointmentSchedule.IsBookable(catalog, settings, slot.Start, now))
        {
            throw slot.Start.AddMinutes(-settings.BookingCutoffMinutes) <= now
                ? QueueProblems.SlotPast(Local(catalog, slot.Start))
                : QueueProblems.BeyondHorizon(settings.HorizonDays);
        }

        var hallDate = catalog.HallDate(slot.Start).ToKey();
        var row = new AppointmentRow
        {
            HallId = catalog.HallId,
            ServiceId = service.Id,
            HallDate = hallDate,
            SlotStart = slot.Start.ToUnixMs(),
            SlotEnd = slot.End.ToUnixMs(),
            CheckInFrom = slot.Start.AddMinutes(-settings.CheckInBeforeMinutes).ToUnixMs(),
            CheckInUntil = slot.End.AddMinutes(settings.CheckInAfterMinutes).ToUnixMs(),
            Name = name,
            Phone = phone,
            IdHash = idHash,
            IdMasked = idMasked,
            SmsConsent = request.SmsConsent == true ? 1 : 0,
            Status = (int)AppointmentStatus.Booked,
            BookedAt = now.ToUnixMs(),
            Source = actor.Device,
        };

        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            await PersonLock.AcquireAsync(scope, catalog.HallId, phone, idHash);
            var existing = await scope.Connection.QueryFirstOrDefaultAsync<string>(
                """
                SELECT code FROM appointments WHERE hall_id = @HallId AND service_id = @ServiceId AND hall_date = @HallDate AND status = @booked
                  AND (phone = @Phone OR (@IdHash IS NOT NULL AND id_hash = @IdHash))
                """,
                new { row.HallId, row.ServiceId, row.HallDate, row.Phone, row.IdHash, booked = (int)AppointmentStatus.Booked }, scope.Transaction);
            if (existing is not null)
            {
                throw Duplicate(service);
            }
            await PersonalLimits.EnsureAllowedAsync(scope, catalog, phone, idHash, catalog.HallDate(slot.Start), now);

            await scope.Connection.ExecuteAsync(
                "INSERT INTO appointment_slots (hall_id, service_id, slot_start, booked) VALUES (@HallId, @ServiceId, @SlotStart, 0) ON CONFLICT (hall_id, service_id, slot_start) DO NOTHING",
                row, scope.Transaction);
            await SlotReopening.ReopenDueAsync(scope, row.HallId, row.ServiceId, row.SlotStart, now);
            // The capacity comes from the hall file in force, so an administrator's change applies at once.
            var raised = await scope.Connection.ExecuteAsync(
                "UPDATE appointment_slots SET booked = booked + 1 WHERE hall_id = @HallId AND service_id = @ServiceId AND slot_start = @SlotStart AND booked < @capacity",
                new { row.HallId, row.ServiceId, row.SlotStart, capacity = settings.CapacityPerSlot }, scope.Transaction);
            if (raised == 0)
            {
                throw QueueProblems.SlotFull(Local(catalog, slot.Start), settings.CapacityPerSlot);
            }

            row.Code = await NewCodeAsync(scope);
            try
            {
                await scope.Connection.ExecuteAsync(
                    """
                    INSERT INTO appointments (code, hall_id, service_id, hall_date, slot_start, slot_end, check_in_from, check_in_until,
                                              name, phone, id_hash, id_masked, status, booked_at, source, sms_consent)
                    VALUES (@Code, @HallId, @ServiceId, @HallDate, @SlotStart, @SlotEnd, @CheckInFrom, @CheckInUntil,
                            @Name, @Phone, @IdHash, @IdMasked, @Status, @BookedAt, @Source, @SmsConsent)
                    """,
                    row, scope.Transaction);
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                // A racing booking of the same phone or ID on another instance got there first.
                throw Duplicate(service);
            }
            await EventLog.AppendAsync(scope, catalog.HallId, AppointmentEventKinds.Booked, now, hallDate, actor, serviceId: service.Id, detail: "appointment=" + row.Code);
            await scope.CommitAsync(cancellationToken);
        }
        return View(catalog, row);
    }

    public async Task<AppointmentView> CancelAsync(string code, Actor actor, CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        AppointmentRow row;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            row = await FindAsync(scope, code, database.Dialect.ForUpdate)
                ?? throw NotFound(code);
            if (row.StatusValue != AppointmentStatus.Booked)
            {
                throw QueueProblems.AppointmentNotActive(row.Code, StatusText(row.StatusValue), row.StatusValue.ToString().ToLowerInvariant());
            }
            await scope.Connection.ExecuteAsync(
                "UPDATE appointments SET status = @cancelled, cancelled_at = @now WHERE code = @code",
                new { cancelled = (int)AppointmentStatus.Cancelled, now = now.ToUnixMs(), code = row.Code }, scope.Transaction);
            await SlotReopening.ScheduleAsync(scope, catalog.Definition.Appointments, row, now);
            await EventLog.AppendAsync(scope, catalog.HallId, AppointmentEventKinds.Cancelled, now, row.HallDate, actor, serviceId: row.ServiceId, detail: "appointment=" + row.Code);
            await scope.CommitAsync(cancellationToken);
        }
        row.Status = (int)AppointmentStatus.Cancelled;
        return View(catalog, row);
    }

    public async Task<AppointmentView> GetAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = AppointmentCodes.Normalize(code);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AppointmentRow>(
            "SELECT * FROM appointments WHERE hall_id = @hall AND code = @code", new { hall = hall.Current.HallId, code = normalized })
            ?? throw NotFound(code);
        return View(hall.Current, row);
    }

    /// <summary>Reads a booking inside a write transaction (locking it on PostgreSQL).</summary>
    public static Task<AppointmentRow?> FindAsync(WriteScope scope, string code, string forUpdate) =>
        scope.Connection.QuerySingleOrDefaultAsync<AppointmentRow?>(
            "SELECT * FROM appointments WHERE code = @code" + forUpdate, new { code = AppointmentCodes.Normalize(code) }, scope.Transaction);

    /// <summary>A cancelled booking gives its place back (at once, or when <see cref="SlotReopening"/> says).</summary>
    public static Task ReleaseSlotAsync(WriteScope scope, AppointmentRow row) =>
        scope.Connection.ExecuteAsync(
            "UPDATE appointment_slots SET booked = booked - 1 WHERE hall_id = @HallId AND service_id = @ServiceId AND slot_start = @SlotStart AND booked > 0",
            row, scope.Transaction);

    public static AppointmentView View(HallCatalog catalog, AppointmentRow row)
    {
        var service = catalog.FindService(row.ServiceId);
        return new AppointmentView(
            row.Code,
            row.ServiceId,
            service?.Name ?? catalog.ServiceName(row.ServiceId),
            service?.NameEn ?? "",
            catalog.ToOffset(TimeConversions.FromUnixMs(row.SlotStart)),
            catalog.ToOffset(TimeConversions.FromUnixMs(row.SlotEnd)),
            row.StatusValue,
            catalog.ToOffset(TimeConversions.FromUnixMs(row.CheckInFrom)),
            catalog.ToOffset(TimeConversions.FromUnixMs(row.CheckInUntil)),
            PhoneNumbers.Mask(row.Phone),
            row.IdMasked,
            row.TicketId is { } id ? Guid.Parse(id) : null,
            AppointmentChannels.Of(row.Source));
    }

    public static string Local(HallCatalog catalog, DateTimeOffset instant) =>
        catalog.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static QueueRuleException NotFound(string code) => QueueProblems.AppointmentNotFound(code);

    private static string StatusText(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "已签到",
        AppointmentStatus.Cancelled => "已取消",
        AppointmentStatus.Missed => "已过期（未按时签到）",
        _ => "仍有效",
    };

    private static (ServiceDefinition Service, AppointmentSettings Settings) ServiceWithAppointments(HallCatalog catalog, int? serviceId)
    {
        if (serviceId is not { } id)
        {
            throw QueueProblems.ServiceRequired();
        }
        var service = catalog.FindService(id)
            ?? throw QueueProblems.ServiceNotFound(id);
        var settings = service.Appointments
            ?? throw QueueProblems.AppointmentsNotOffered(service.Name);
        return (service, settings);
    }

    private static QueueRuleException Duplicate(ServiceDefinition service) => QueueProblems.DuplicateAppointment(service.Name);

    private static async Task<string> NewCodeAsync(WriteScope scope)
    {
        while (true)
        {
            var code = AppointmentCodes.New();
            var taken = await scope.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments WHERE code = @code", new { code }, scope.Transaction);
            if (taken == 0)
            {
                return code;
            }
        }
    }

    private static bool IsUniqueViolation(DbException e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
