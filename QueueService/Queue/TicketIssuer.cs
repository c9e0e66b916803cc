using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>Issues tickets (取号): checks the hall's rules, numbers the ticket and records it, all in one transaction.</summary>
public sealed class TicketIssuer(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallSecrets secrets,
    HallEventPublisher publisher,
    TimeProvider time)
{
    /// <param name="idempotencyKey">The client's key for this take: a retry with the same key answers the same ticket.</param>
    public async Task<IssuedTicket> IssueAsync(IssueTicketRequest request, Actor actor, string trackingBaseUrl, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var hallDate = catalog.HallDate(now).ToKey();

        var appointmentCode = request.AppointmentCode is { Length: > 0 } typed ? AppointmentCodes.Normalize(typed) : null;
        if (appointmentCode is null && request.ServiceId is null)
        {
            throw QueueRuleException.BadRequest("serviceRequired", "请选择要办理的事项（serviceId 必填）。serviceId is required.");
        }
        if (request.ServiceId is { } requested && catalog.FindService(requested) is null)
        {
            throw QueueRuleException.BadRequest("unknownService", $"没有编号为 {requested} 的事项。There is no service {requested}.");
        }
        // With a booking code the priority is the appointment's; a citizen who comes too late keeps what they asked for.
        var requestedPriority = ParsePriority(request.Priority);
        if (requestedPriority == TicketPriority.Green)
        {
            if (request.StaffCode is not { Length: > 0 } staffCode || catalog.FindClerk(staffCode) is null)
            {
                throw QueueRuleException.Forbidden("staffCodeRequired", "绿色通道需由工作人员输入有效工号开通。The green channel needs a valid staff code.");
            }
        }
        if (appointmentCode is null)
        {
            var walkIn = catalog.FindService(request.ServiceId!.Value)!;
            if (!catalog.IsTicketing(walkIn, now))
            {
                throw OutsideTicketingHours(catalog, walkIn);
            }
        }

        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 100 || !idempotencyKey.All(c => c is > ' ' and < (char)127)))
        {
            throw QueueRuleException.BadRequest("invalidIdempotencyKey", "Idempotency-Key 应为1–100个可见ASCII字符。Idempotency-Key must be 1–100 visible ASCII characters.");
        }

        var (idHash, idMasked) = secrets.ProtectIdNumber(request.IdNumber);

        // The queue's pace is read before the writer lock is taken: only numbering and the insert wait for it.
        double? secondsPerPerson = null;
        if (appointmentCode is null)
        {
            await using var reader = await database.OpenAsync(cancellationToken);
            secondsPerPerson = await WaitEstimator.SecondsPerPersonAsync(reader, null, catalog, catalog.FindService(request.ServiceId!.Value)!, hallDate);
        }

        TicketRow ticket;
        int ahead;
        ServiceDefinition service;
        TicketPriority priority;
        string? notice = null;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            if (idempotencyKey is not null)
            {
                var replay = await scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
                    "SELECT * FROM tickets WHERE hall_id = @hall AND idempotency_key = @idempotencyKey",
                    new { hall = catalog.HallId, idempotencyKey }, scope.Transaction);
                if (replay is not null)
                {
                    // The answer to the first try was lost on its way to the kiosk: this is the same take.
                    return await DescribeAsync(scope, catalog, catalog.FindService(replay.ServiceId) ?? throw QueueRuleException.Conflict("unknownService", "该号的事项已不再办理。The ticket's service no longer exists."), replay, now, trackingBaseUrl);
                }
            }
            CheckInDecision? checkIn = null;
            if (appointmentCode is not null)
            {
                checkIn = await AppointmentCheckIn.DecideAsync(scope, database, catalog, appointmentCode, request.ServiceId, now);
                service = catalog.FindService(checkIn.Appointment.ServiceId)
                    ?? throw QueueRuleException.Conflict("unknownService", $"预约的事项（编号 {checkIn.Appointment.ServiceId}）已不再办理，请到咨询导办窗口。The booked service no longer exists.");
                priority = checkIn.OnTime ? TicketPriority.Appointment : requestedPriority;
                notice = checkIn.Notice;
                // A slot offered in extended hours is honoured even outside the service's normal ticketing hours.
                if (!checkIn.OnTime && !catalog.IsTicketing(service, now))
                {
                    throw OutsideTicketingHours(catalog, service);
                }
                idHash ??= checkIn.Appointment.IdHash;
                idMasked ??= checkIn.Appointment.IdMasked;
            }
            else
            {
                service = catalog.FindService(request.ServiceId!.Value)!;
                priority = requestedPriority;
            }
            var serviceId = service.Id;

            if (idHash is not null)
            {
                var existing = await scope.Connection.QuerySingleOrDefaultAsync<TicketRow>(
                    "SELECT * FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND service_id = @serviceId AND id_hash = @idHash AND status IN (0, 1) LIMIT 1",
                    new { hall = catalog.HallId, hallDate, serviceId, idHash }, scope.Transaction);
                if (existing is not null)
                {
                    var again = await DescribeAsync(scope, catalog, service, existing, now, trackingBaseUrl);
                    throw QueueRuleException.Conflict("duplicateTicket",
                        $"您已取过“{service.Name}”的号 {existing.Number}，请等候叫号；如需要可重新打印。You already hold ticket {existing.Number} for this service.",
                        new Dictionary<string, object?> { ["ticket"] = again });
                }
            }

            var sequence = await TicketNumbering.NextAsync(scope, catalog.HallId, serviceId, hallDate);
            if (sequence > service.DailyQuota)
            {
                // Disposing the scope rolls the counter back: the quota stays exact and numbers gap-free.
                throw QueueRuleException.Conflict("quotaExhausted",
                    $"“{service.Name}”今日号源已取完（每日 {service.DailyQuota} 个），请明天再来或预约。Today's {service.DailyQuota} tickets for this service are all taken.");
            }

            // Read the clock only now that the service's counter row is ours: issue times then follow the numbers,
            // so no ticket is ever called before a lower number issued a moment earlier.
            var issuedAt = time.GetUtcNow();
            ticket = new TicketRow
            {
                Id = Guid.CreateVersion7(issuedAt).ToString("D"),
                HallId = catalog.HallId,
                HallDate = hallDate,
                ServiceId = serviceId,
                IssuedServiceId = serviceId,
                Number = TicketNumbering.Format(service.Prefix, sequence),
                Priority = (int)priority,
                Status = (int)TicketStatus.Waiting,
                IssuedAt = issuedAt.ToUnixMs(),
                DueAt = priority == TicketPriority.Appointment ? checkIn!.SlotStart.ToUnixMs() : null,
                IdHash = idHash,
                IdMasked = idMasked,
                AppointmentCode = checkIn?.Appointment.Code,
                Source = actor.Device,
                IdempotencyKey = idempotencyKey,
            };
            ahead = await WaitEstimator.CountAheadAsync(scope.Connection, scope.Transaction, catalog.HallId, hallDate, serviceId, NextTicketSelector.ClassOf(ticket, now), ticket.IssuedAt, ticket.Number, now);
            ticket.EstimatedWaitMinutes = secondsPerPerson is { } pace
                ? WaitEstimator.Minutes(ahead, pace)
                : await WaitEstimator.EstimateMinutesAsync(scope.Connection, scope.Transaction, catalog, service, ahead, hallDate);

            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO tickets (id, hall_id, hall_date, service_id, issued_service_id, number, priority, status, issued_at, due_at,
                                     id_hash, id_masked, appointment_code, source, estimated_wait_minutes, idempotency_key)
                VALUES (@Id, @HallId, @HallDate, @ServiceId, @IssuedServiceId, @Number, @Priority, @Status, @IssuedAt, @DueAt,
                        @IdHash, @IdMasked, @AppointmentCode, @Source, @EstimatedWaitMinutes, @IdempotencyKey)
                """,
                ticket, scope.Transaction);
            await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Issued, issuedAt, hallDate, actor with { StaffCode = actor.StaffCode ?? request.StaffCode },
                ticket.Id, serviceId, priority == TicketPriority.Normal ? null : "priority=" + PriorityName(priority));
            if (checkIn is not null)
            {
                await AppointmentCheckIn.MarkAsync(scope, checkIn, ticket.Id, now, actor);
            }
            await scope.CommitAsync(cancellationToken);
        }

        await publisher.PublishAsync(
        [
            new TicketIssuedEvent(new TicketIssued(ticket.TicketId, ticket.Number, service.Id, service.Name, priority, catalog.ToOffset(TimeConversions.FromUnixMs(ticket.IssuedAt)), ahead)),
            new QueueChangedEvent(),
        ], cancellationToken);
        return Describe(catalog, service, ticket, ahead, ticket.EstimatedWaitMinutes, trackingBaseUrl, notice);
    }

    private static QueueRuleException OutsideTicketingHours(HallCatalog catalog, ServiceDefinition service) =>
        QueueRuleException.Conflict("outsideTicketingHours",
            $"“{service.Name}”的取号时间为 {HallCatalog.Describe(catalog.TicketingHours(service))}，现在不能取号。Tickets for this service are issued {HallCatalog.Describe(catalog.TicketingHours(service))} only.");

    public static TicketPriority ParsePriority(string? priority) => priority?.Trim() switch
    {
        null or "" or "normal" => TicketPriority.Normal,
        "green" => TicketPriority.Green,
        "elderly" => TicketPriority.Elderly,
        _ => throw QueueRuleException.BadRequest("invalidPriority", $"priority 只能是 normal、green 或 elderly，不能是“{priority}”。priority must be normal, green or elderly."),
    };

    public static string PriorityName(TicketPriority priority) => priority switch
    {
        TicketPriority.Green => "green",
        TicketPriority.Appointment => "appointment",
        TicketPriority.Elderly => "elderly",
        _ => "normal",
    };

    public static string TrackingUrl(string baseUrl, string ticketId) => baseUrl.TrimEnd('/') + "/t/" + ticketId;

    private static async Task<IssuedTicket> DescribeAsync(WriteScope scope, HallCatalog catalog, ServiceDefinition service, TicketRow ticket, DateTimeOffset now, string baseUrl)
    {
        var ahead = await WaitEstimator.CountAheadAsync(scope.Connection, scope.Transaction, catalog.HallId, ticket.HallDate, ticket.ServiceId,
            NextTicketSelector.ClassOf(ticket, now), ticket.IssuedAt, ticket.Number, now);
        var minutes = await WaitEstimator.EstimateMinutesAsync(scope.Connection, scope.Transaction, catalog, service, ahead, ticket.HallDate);
        return Describe(catalog, service, ticket, ahead, minutes, baseUrl, null);
    }

    private static IssuedTicket Describe(HallCatalog catalog, ServiceDefinition service, TicketRow ticket, int ahead, int minutes, string baseUrl, string? notice) => new(
        ticket.TicketId,
        ticket.Number,
        service.Id,
        service.Name,
        service.NameEn,
        ticket.StatusValue,
        ticket.PriorityValue,
        ahead,
        minutes,
        catalog.ToOffset(TimeConversions.FromUnixMs(ticket.IssuedAt)),
        TrackingUrl(baseUrl, ticket.Id),
        catalog.Definition.Name,
        catalog.WindowsServing(service.Id),
        service.Materials,
        ticket.IdMasked,
        notice);
}
