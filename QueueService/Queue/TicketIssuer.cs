using Dapper;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.QueueService.Appointments;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Notify;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

namespace Hall.QueueService.Queue;

/// <summary>Issues tickets (取号): checks the hall's rules, numbers the ticket and records it, all in one transaction.</summary>
public sealed class TicketIssuer(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallSecrets secrets,
    HallEventPublisher publisher,
    TurnNotices turnNotices,
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
        if (appointmentCode is null && request.CheckInByIdNumber == true)
        {
            // 刷证签到: the booking made with this ID number stands in for its code.
            if (secrets.ProtectIdNumber(request.IdNumber).Hash is not { } bookedWith)
            {
                throw QueueProblems.IdNumberRequired();
            }
            appointmentCode = await AppointmentByIdNumber.FindCodeAsync(database, catalog, bookedWith, request.ServiceId, now, cancellationToken);
        }
        if (appointmentCode is null && request.ServiceId is null)
        {
            throw QueueProblems.ServiceRequired();
        }
        if (catalog.HolidayAt(now) is { } holiday)
        {
            throw QueueProblems.HallClosed(holiday);
        }
        if (request.ServiceId is { } requested && catalog.FindService(requested) is null)
        {
            throw QueueProblems.UnknownService(requested);
        }
        // With a booking code the priority is the appointment's; a citizen who comes too late keeps what they asked for.
        var requestedPriority = ParsePriority(request.Priority);
        if (requestedPriority == TicketPriority.Green)
        {
            if (request.StaffCode is not { Length: > 0 } staffCode || catalog.FindClerk(staffCode) is null)
            {
                throw QueueProblems.StaffCodeRequired();
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
            throw QueueProblems.InvalidIdempotencyKey();
        }

        var (idHash, idMasked) = secrets.ProtectIdNumber(request.IdNumber);
        var smsPhone = ConsentedPhone.From(request.Phone, request.SmsConsent, secrets);

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
                var replay = await TicketsTable.FindByIdempotencyKeyAsync(scope, catalog.HallId, idempotencyKey);
                if (replay is not null)
                {
                    // The answer to the first try was lost on its way to the kiosk: this is the same take.
                    return await DescribeAsync(scope, catalog, catalog.FindService(replay.ServiceId) ?? throw QueueProblems.ServiceWithdrawn(replay.ServiceId), replay, now, trackingBaseUrl);
                }
            }
            CheckInDecision? checkIn = null;
            if (appointmentCode is not null)
            {
                checkIn = await AppointmentCheckIn.DecideAsync(scope, database, catalog, appointmentCode, request.ServiceId, now);
                service = catalog.FindService(checkIn.Appointment.ServiceId)
                    ?? throw QueueProblems.ServiceWithdrawn(checkIn.Appointment.ServiceId);
                priority = checkIn.OnTime ? TicketPriority.Appointment : requestedPriority;
                notice = checkIn.Notice;
                // A slot offered in extended hours is honoured even outside the service's normal ticketing hours.
                if (!checkIn.OnTime && !catalog.IsTicketing(service, now))
                {
                    throw OutsideTicketingHours(catalog, service);
                }
                idHash ??= checkIn.Appointment.IdHash;
                idMasked ??= checkIn.Appointment.IdMasked;
                smsPhone ??= ConsentedPhone.OfBooking(checkIn.Appointment, secrets);
            }
            else
            {
                service = catalog.FindService(request.ServiceId!.Value)!;
                priority = requestedPriority;
            }
            var serviceId = service.Id;
            if (service.RequiresId && idHash is null)
            {
                throw QueueProblems.IdNumberRequired();
            }

            if (idHash is not null)
            {
                var existing = await TicketsTable.FindOpenOfPersonAsync(scope, catalog.HallId, hallDate, serviceId, idHash);
                if (existing is not null)
                {
                    var again = await DescribeAsync(scope, catalog, service, existing, now, trackingBaseUrl);
                    throw QueueProblems.DuplicateTicket(service.Name, existing.Number, again);
                }
            }

            var sequence = await TicketNumbering.NextAsync(scope, catalog.HallId, serviceId, hallDate);
            if (sequence > service.DailyQuota)
            {
                // Disposing the scope rolls the counter back: the quota stays exact and numbers gap-free.
                throw QueueProblems.QuotaExhausted(service.Name, service.DailyQuota);
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

            await TicketsTable.InsertAsync(scope, ticket);
            // 到号提醒: the consent, and a "near" message when already that close, commit with the ticket.
            await turnNotices.OnIssuedAsync(scope, catalog, ticket, smsPhone, ahead, now);
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
        return Describe(catalog, service, ticket, ahead, ticket.EstimatedWaitMinutes, trackingBaseUrl, notice) with { SmsPhone = smsPhone?.Masked };
    }

    private static QueueRuleException OutsideTicketingHours(HallCatalog catalog, ServiceDefinition service) =>
        QueueProblems.OutsideTicketingHours(service.Name, HallCatalog.Describe(catalog.TicketingHours(service)));

    public static TicketPriority ParsePriority(string? priority) => priority?.Trim() switch
    {
        null or "" or "normal" => TicketPriority.Normal,
        "green" => TicketPriority.Green,
        "elderly" => TicketPriority.Elderly,
        _ => throw QueueProblems.InvalidPriority(priority),
    };

    public static string PriorityName(TicketPriority priority) => priority switch
    {
        TicketPriority.Green => "green",
        TicketPriority.Appointment => "appointment",
        TicketPriority.Elderly => "elderly",
        _ => "normal",
    };

    /// <summary>The tracking page of a ticket with its key (<see cref="HallSecrets.TrackingKey"/>), which lets the phone rate it.</summary>
    public static string TrackingUrl(string baseUrl, string ticketId, string key) => baseUrl.TrimEnd('/') + "/t/" + ticketId + "?k=" + key;

    private async Task<IssuedTicket> DescribeAsync(WriteScope scope, HallCatalog catalog, ServiceDefinition service, TicketRow ticket, DateTimeOffset now, string baseUrl)
    {
        var ahead = await WaitEstimator.CountAheadAsync(scope.Connection, scope.Transaction, catalog.HallId, ticket.HallDate, ticket.ServiceId,
            NextTicketSelector.ClassOf(ticket, now), ticket.IssuedAt, ticket.Number, now);
        var minutes = await WaitEstimator.EstimateMinutesAsync(scope.Connection, scope.Transaction, catalog, service, ahead, ticket.HallDate);
        return Describe(catalog, service, ticket, ahead, minutes, baseUrl, null);
    }

    private IssuedTicket Describe(HallCatalog catalog, ServiceDefinition service, TicketRow ticket, int ahead, int minutes, string baseUrl, string? notice) => new(
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
        TrackingUrl(baseUrl, ticket.Id, secrets.TrackingKey(ticket.Id)),
        catalog.Definition.Name,
        catalog.WindowsServing(service.Id),
        service.Materials,
        ticket.IdMasked,
        notice,
        catalog.Definition.Contacts,
        service.Guide is null ? null : GuideUrl(baseUrl, service.Id));

    /// <summary>The phone page of a service's guide, which the ticket's second QR code opens.</summary>
    public static string GuideUrl(string baseUrl, int serviceId) =>
        baseUrl.TrimEnd('/') + "/m/guides.html?service=" + serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
