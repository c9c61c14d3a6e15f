namespace Reservations.Runtime.Activation;

internal enum ActivationState
{
    Created,
    Valid,
    Deactivated,
}
