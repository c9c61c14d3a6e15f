namespace Reservations.Api.Limits;

/// <summary>What a rate limit counts.</summary>
internal enum LimitedAction
{
    Signup,
    Login,
    Hold,
}
