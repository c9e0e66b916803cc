using Hall.QueueService.Queue;

namespace Hall.QueueService.Problems;

/// <summary>Booking (预约), cancelling and checking in, and the per-person limits against scalpers.</summary>
public static partial class QueueProblems
{
    public static QueueRuleException SlotStartRequired() =>
        Invalid("slotStartRequired", "请选择预约时段（slotStart 必填）。", "slotStart is required.");

    public static QueueRuleException NameRequired() =>
        Invalid("nameRequired", "请填写姓名（不超过 40 个字）。", "Please give a name (at most 40 characters).");

    public static QueueRuleException InvalidPhone() =>
        Invalid("invalidPhone", "手机号码有误，请填写 11 位手机号或带区号的固定电话。", "The phone number is not valid.");

    public static QueueRuleException NoSuchSlot(string serviceName, string start) =>
        Invalid("noSuchSlot", $"“{serviceName}”没有从 {start} 开始的预约时段，请从时段列表中选择。", "There is no slot starting at that time.");

    public static QueueRuleException SlotPast(string start) =>
        Conflict("slotPast", $"{start} 的时段已过预约截止时间，请选择更晚的时段。", "Booking for this slot has closed.");

    public static QueueRuleException BeyondHorizon(int horizonDays) =>
        Conflict("beyondHorizon", $"只能预约 {horizonDays} 天以内的时段。", $"Slots can be booked at most {horizonDays} days ahead.");

    public static QueueRuleException SlotFull(string start, int capacity) =>
        Conflict("slotFull", $"{start} 的时段已约满（每个时段 {capacity} 人），请选择其他时段。", "This slot is fully booked.");

    public static QueueRuleException AppointmentsNotOffered(string serviceName) =>
        Conflict("appointmentsNotOffered", $"“{serviceName}”不接受预约，请现场取号。", "This service takes no appointments.");

    public static QueueRuleException DuplicateAppointment(string serviceName) =>
        Conflict("duplicateAppointment", $"同一手机号或身份证当天只能预约一次“{serviceName}”。如需改期，请先取消原预约。",
            "This phone or ID already holds a booking for this service that day.");

    public static QueueRuleException AppointmentNotFound(string code) =>
        NotFound("appointmentNotFound", $"没有预约码为 {code} 的预约，请核对预约码。", $"There is no appointment with code {code}.");

    /// <param name="statusChinese">e.g. 已签到; <paramref name="status"/> the status's English name.</param>
    public static QueueRuleException AppointmentNotActive(string code, string statusChinese, string status) =>
        Conflict("appointmentNotActive", $"预约 {code} {statusChinese}，不能取消。", $"Appointment {code} is {status} and cannot be cancelled.");

    public static QueueRuleException NoAppointmentForId() =>
        NotFound("noAppointmentForId", "没有找到您今天的预约，请核对后使用预约码签到，或现场取号。", "No booking for today was made with this ID card.");

    public static QueueRuleException AppointmentServiceMismatch(string code, string bookedService, string askedService) =>
        Invalid("appointmentServiceMismatch", $"预约 {code} 是“{bookedService}”的预约，不是“{askedService}”。", "This appointment is for another service.");

    public static QueueRuleException AppointmentAlreadyCheckedIn(string code, string? ticketId) =>
        Conflict("appointmentAlreadyCheckedIn", $"预约 {code} 已经签到取号，不能重复签到。", "This appointment has already been checked in.",
            new Dictionary<string, object?> { ["ticketId"] = ticketId });

    public static QueueRuleException AppointmentCancelled(string code) =>
        Conflict("appointmentCancelled", $"预约 {code} 已取消，请重新预约或现场取号。", "This appointment was cancelled.");

    public static QueueRuleException AppointmentTooEarly(string slot, string back, DateTimeOffset checkInFrom, DateTimeOffset slotStart) =>
        Conflict("appointmentTooEarly", $"您预约的时段为 {slot}，请于 {back} 以后再来签到。", $"Your slot starts at {slot}; please check in from {back}.",
            new Dictionary<string, object?> { ["checkInFrom"] = checkInFrom, ["slotStart"] = slotStart });

    /// <param name="period">day, week or month; <paramref name="periodChinese"/> 天, 周 or 月.</param>
    public static QueueRuleException BookingLimitReached(int limit, string periodChinese, string period) =>
        Conflict("bookingLimitReached", $"同一身份证号或手机号每{periodChinese}最多预约 {limit} 次。", $"One ID number or phone may hold at most {limit} booking(s) a {period}.",
            new Dictionary<string, object?> { ["limit"] = limit, ["period"] = period });

    /// <summary>Too many missed bookings: the person may not book until <paramref name="barredUntil"/> (403).</summary>
    public static QueueRuleException BookingBarred(int windowDays, int missed, string untilDate, DateTimeOffset barredUntil) =>
        Refuse(ProblemKind.Forbidden, "bookingBarred",
            $"您在 {windowDays} 天内有 {missed} 次预约未到，{untilDate} 之前不能预约。请现场取号。",
            $"After {missed} missed bookings in {windowDays} days, booking is barred until {untilDate}. Please take a number in the hall.",
            new Dictionary<string, object?> { ["barredUntil"] = barredUntil }, "暂停预约 Booking barred");
}
